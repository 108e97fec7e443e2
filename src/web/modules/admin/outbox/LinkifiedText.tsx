import { Anchor } from '@mantine/core';
import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
// Sentence punctuation right after a URL belongs to the sentence, not the link.
const TRAILING = /[.,;:!?)\]»]+$/;

/** Plain text with its http(s) URLs as links: invitation and reset links are clicked from here. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) => {
        // split() with a capture group puts the URLs at odd indexes.
        if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
        const trailing = TRAILING.exec(part)?.[0] ?? '';
        const url = trailing ? part.slice(0, -trailing.length) : part;
        return (
          <Fragment key={index}>
            <Anchor href={url} className="break-anywhere">
              {url}
            </Anchor>
            {trailing}
          </Fragment>
        );
      })}
    </>
  );
}
