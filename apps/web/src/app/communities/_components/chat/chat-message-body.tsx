import { Fragment, type ReactNode } from 'react';
import { parseChatMarkdown, type Inline } from './chat-markdown';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'br':
        return <br key={i} />;
      case 'code':
        return (
          <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">
            {node.text}
          </code>
        );
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} className="text-primary underline" rel="noopener noreferrer nofollow" target={node.href.startsWith('/') ? undefined : '_blank'}>
            {renderInline(node.children)}
          </a>
        );
      case 'mention':
        return (
          <span key={i} className="rounded bg-primary/10 px-1 font-medium text-primary" data-user-id={node.userId}>
            @{node.name}
          </span>
        );
    }
  });
}

/** A message's markdown as React elements (never HTML): see chat-markdown.ts. */
export function ChatMessageBody({ body }: { body: string }) {
  return (
    <div className="grid gap-1 break-words text-sm leading-relaxed">
      {parseChatMarkdown(body).map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{renderInline(block.children)}</p>
        ) : block.type === 'code' ? (
          <pre key={i} className="overflow-x-auto rounded bg-muted p-2 font-mono text-xs">
            {block.text}
          </pre>
        ) : block.ordered ? (
          <ol key={i} className="list-decimal pl-5">
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ol>
        ) : (
          <ul key={i} className="list-disc pl-5">
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
