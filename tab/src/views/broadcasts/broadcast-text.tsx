import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { parseMarkdown, type Inline } from './simple-markdown';

const useStyles = makeStyles({
  text: { margin: `${tokens.spacingVerticalS} 0` },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalS} 0` },
  list: { margin: `0 0 ${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXXL },
});

function inline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'bold':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'italic':
        return <em key={i}>{inline(node.children)}</em>;
      case 'link':
        return (
          <Link key={i} href={node.href} target="_blank" rel="noopener noreferrer" inline>
            {inline(node.children)}
          </Link>
        );
    }
  });
}

/** A broadcast's text as the recipients see it in Teams: the markdown rendered, never shown raw. */
export function BroadcastText({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.text} data-testid="broadcast-text">
      {parseMarkdown(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i} className={styles.paragraph}>
            {inline(block.children)}
          </p>
        ) : block.ordered ? (
          <ol key={i} className={styles.list}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ol>
        ) : (
          <ul key={i} className={styles.list}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
