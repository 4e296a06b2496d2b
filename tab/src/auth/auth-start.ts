// Entry of /tab/auth-start.html, the TeamsFx sign-in pop-up (see teams/sso-popup.ts).
import { runPopup } from '../teams/sso-popup';

runPopup('start');
