import { describe, expect, it } from 'vitest';
import { allCommands } from '../../src/commands/index.js';
import { usageLines } from '../../src/console/help.js';
import { parseLine } from '../../src/console/parse-line.js';

const commands = allCommands;

describe('parseLine', () => {
  it('reads a subcommand with a value that holds spaces', () => {
    const parsed = parseLine('/briefing search query:security guarantees', commands);
    expect(parsed).toMatchObject({ ok: true, input: { command: 'briefing', subcommand: 'search' } });
    if (parsed.ok) expect(parsed.input.options).toEqual({ query: 'security guarantees' });
  });

  it('accepts a section by its label or its key', () => {
    for (const typed of ['why it matters', 'whyItMatters', 'Why-it-matters']) {
      const parsed = parseLine(`/briefing party name:Russia section:${typed}`, commands);
      expect(parsed.ok && parsed.input.options).toEqual({ name: 'Russia', section: 'whyItMatters' });
    }
  });

  it('turns integers and booleans into their types', () => {
    const list = parseLine('briefing list page:2', commands);
    expect(list.ok && list.input.options.page).toBe(2);
    const subscribe = parseLine('/digest subscribe channel:here time:08:00 post_when_empty:yes', commands);
    expect(subscribe.ok && subscribe.input.options).toMatchObject({ time: '08:00', post_when_empty: true });
    expect(subscribe.ok && subscribe.input.channels.channel?.id).toBe('terminal');
  });

  it('says what to type instead of a bad line', () => {
    expect(parseLine('/weather', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\/briefing/),
    });
    expect(parseLine('/briefing', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/latest/),
    });
    expect(parseLine('/briefing party Russia', commands)).toMatchObject({
      ok: false,
      error: expect.stringContaining('name:Russia'),
    });
    expect(parseLine('/briefing party', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/name:/),
    });
    expect(parseLine('/briefing list page:two', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/whole number/),
    });
    expect(parseLine('/briefing latest section:weather', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/whatHappened/),
    });
    expect(parseLine('/briefing latest colour:red', commands)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/section/),
    });
  });

  it('lists every subcommand for help', () => {
    const lines = usageLines(commands);
    expect(lines).toHaveLength(21);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\/briefing party name:… \[view:…\] \[versus:…\] \[section:…\]/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\/editor publish \[file:…\]/));
  });
});
