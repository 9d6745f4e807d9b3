import { describe, expect, it } from 'vitest';
import { escapers } from '../../src/render/escape.js';
import { renderTemplate } from '../../src/render/template.js';
import { truncate, truncateEscaped } from '../../src/render/truncate.js';
import { isWellFormed } from '../fixtures/build-input.js';

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });
  it('cuts to exactly the limit, ellipsis included', () => {
    expect(truncate('hello world', 6)).toBe('hello…');
    expect(truncate('hello world', 6)).toHaveLength(6);
  });
  it('never splits a surrogate pair', () => {
    const cut = truncate('ab🎉🎉🎉', 4);
    expect(cut).toBe('ab…');
    expect(isWellFormed(cut)).toBe(true);
    expect(truncate('🎉'.repeat(10), 7)).toBe('🎉🎉🎉…');
  });
  it('cuts before escaping so no escape sequence is cut in half', () => {
    const cut = truncateEscaped('&&&&&&&&', 12, escapers.slack);
    expect(cut).toBe('&amp;&amp;…');
    expect(cut.length).toBeLessThanOrEqual(12);
  });
});

describe('chat escapers', () => {
  const hostile = '<!channel> <@U123> @everyone @here *bold* [x](y) <users/all> a&b';

  it('slack: entities for & < > so nothing pings or links', () => {
    expect(escapers.slack(hostile)).toBe('&lt;!channel&gt; &lt;@U123&gt; @everyone @here *bold* [x](y) &lt;users/all&gt; a&amp;b');
  });

  it('markdown: formatting escaped, a zero-width space after each @ that starts a word', () => {
    expect(escapers.markdown(hostile)).toBe(
      '\\<!channel\\> \\<@\u200bU123\\> @\u200beveryone @\u200bhere \\*bold\\* \\[x\\](y) \\<users/all\\> a&b',
    );
  });

  it('markdown: # is escaped only where it would start a heading', () => {
    expect(escapers.markdown('# title (#42)\n  ## more')).toBe('\\# title (#42)\n  \\## more');
  });

  it('googlechat: a zero-width space after < breaks <users/all> and <url|text>', () => {
    expect(escapers.googlechat('<users/all> <https://x|y>')).toBe('<\u200busers/all> <\u200bhttps://x|y>');
  });

  it('teams: a zero-width space between ] and ( so [text](url) is no link; the rest stays as written', () => {
    expect(escapers.teams(hostile)).toBe('<!channel> <@U123> @everyone @here *bold* [x]\u200b(y) <users/all> a&b');
    expect(renderTemplate('[run](<<runUrl>>) <<commitTitle>>', { runUrl: 'https://e.x/1', commitTitle: 'see [docs](https://evil.example)' }, 'teams').text).toBe(
      '[run](https://e.x/1) see [docs]\u200b(https://evil.example)',
    );
  });

  it('slack and googlechat leave *bold*, _it_, ~s~ and `code` in values as written (no escape exists for them)', () => {
    const formatting = '*bold* _it_ ~s~ `code`';
    expect(escapers.slack(formatting)).toBe(formatting);
    expect(escapers.googlechat(formatting)).toBe(formatting);
  });

  it('a template escapes values, not the template text', () => {
    const vars = { commitTitle: '<!channel> deploy' };
    expect(renderTemplate('<!here> <<commitTitle>>', vars, 'slack').text).toBe('<!here> &lt;!channel&gt; deploy');
  });
});
