import { createRoot } from 'react-dom/client';
import type { TabConfig } from './api/types';
import { adoptDevUserFromUrl } from './host/dev-user';
import { detectHost } from './host/detect-host';
import { Root } from './root';

adoptDevUserFromUrl();
const config = (await fetch('/tab/config.json').then((r) => r.json())) as TabConfig;
const host = await detectHost(config);
createRoot(document.getElementById('root')!).render(<Root host={host} config={config} />);
