import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/render/check.js';
import { makeBriefing } from '../support/briefings.js';
import { buttonsOf, textOf } from '../support/message-text.js';
import { channels, GUILD, testDispatcher } from '../support/services.js';

const briefings = [
  makeBriefing({ id: 'berlin-talks', date: '2025-12-15', summary: 'Russia and Ukraine are far apart.' }),
  makeBriefing({
    id: 'pakistan-floods',
    date: '2025-12-15',
    summary: 'Floods hit Pakistan.',
    tags: ['weather'],
  }),
];

describe('/digest', () => {
  it('is refused to members without Manage Server, whatever the registration says', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const reply = await dispatcher.run(input('digest', 'list', {}, { canManageServer: false }));
    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringContaining('Manage Server') });
  });

  it('is refused outside a server', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const reply = await dispatcher.run(input('digest', 'list', {}, { guildId: null }));
    expect(reply.content).toMatch(/in a server/);
  });

  it('checks the channel, the permissions, the time and the zone at subscribe time', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const subscribe = (channel: keyof typeof channels, options: Record<string, string | boolean> = {}) =>
      dispatcher.run(
        input(
          'digest',
          'subscribe',
          { time: '08:00', ...options },
          { channels: { channel: channels[channel] } },
        ),
      );

    expect((await subscribe('voice')).content).toMatch(/not a text, announcement, forum or media channel/);
    expect((await subscribe('readOnly')).content).toMatch(/missing \*\*Send Messages\*\*/);
    expect((await subscribe('briefings', { time: '8am' })).content).toMatch(/HH:MM/);
    expect((await subscribe('briefings', { timezone: 'Mars/Base' })).content).toMatch(
      /not a known time zone/,
    );
    expect((await subscribe('briefings', { party: 'Narnia' })).content).toMatch(/not a party I know/);
    expect((await subscribe('briefings', { publish: true })).content).toMatch(/not an announcement channel/);

    const ok = await subscribe('briefings', { timezone: 'Europe/Berlin', party: 'pakistan' });
    expect(ok.ephemeral).toBe(true);
    expect(ok.content).toMatch(/^Subscribed <#333333333333333331>/);
    expect(ok.content).toContain('08:00** (Europe/Berlin)');
    expect(ok.content).toContain('about Pakistan');

    const again = await subscribe('briefings', { time: '09:30' });
    expect(again.content).toMatch(/^Updated/);
  });

  it('answers a digest’s Read button with the whole briefing, for the clicker alone', async () => {
    const { dispatcher, input, sink } = testDispatcher(briefings);
    const on = { channels: { channel: channels.briefings } };
    await dispatcher.run(input('digest', 'subscribe', { time: '18:00', tag: 'weather' }, on));
    await dispatcher.run(input('digest', 'send-now', {}, on));
    const [read] = buttonsOf(sink.sent[0]?.message);
    expect(read?.label).toBe('Read');
    const customId = read?.customId ?? '';
    expect(customId).toMatch(/^digest:[\w-]{16}\.0:0$/);

    const reader = {
      user: { id: '444444444444444444', name: 'reader' },
      guildId: GUILD,
      channelId: null,
      canManageServer: false,
    };
    const { reply, update } = await dispatcher.button(customId, reader);
    expect(update).toBe(false);
    expect(reply.ephemeral).toBe(true);
    expect(textOf(reply)).toContain('Floods hit Pakistan.');
    expect(checkMessageLimits(reply)).toEqual([]);

    // A button whose delivery the ledger does not know, or whose briefing is gone, says so and what to do.
    expect((await dispatcher.button('digest:unknown.0:0', reader)).reply).toMatchObject({
      ephemeral: true,
      content: expect.stringMatching(/no longer in the library.*\/briefing latest/),
    });
    expect((await dispatcher.button('digest:x.0:toString', reader)).reply.content).toMatch(
      /not one of the bot/,
    );
  });

  it('lists, previews, sends now, pauses, resumes, shows status and unsubscribes', async () => {
    const { dispatcher, input, sink, digests } = testDispatcher(briefings);
    const on = { channels: { channel: channels.briefings } };
    await dispatcher.run(input('digest', 'subscribe', { time: '18:00', tag: 'weather' }, on));

    const list = await dispatcher.run(input('digest', 'list'));
    expect(checkMessageLimits(list)).toEqual([]);
    expect(textOf(list)).toContain('18:00');

    const preview = await dispatcher.run(input('digest', 'preview', {}, on));
    expect(preview.ephemeral).toBe(true);
    expect(textOf(preview)).toContain('pakistan-floods');
    expect(textOf(preview)).not.toContain('berlin-talks');
    expect(sink.sent).toHaveLength(0);

    const sent = await dispatcher.run(input('digest', 'send-now', {}, on));
    expect(sent.content).toMatch(/Posted 1 new briefing/);
    expect(sink.sent.map((entry) => entry.channelId)).toEqual([channels.briefings.id]);
    const again = await dispatcher.run(input('digest', 'send-now', {}, on));
    expect(again.content).toMatch(/Nothing posted.*nothing-new/);

    expect((await dispatcher.run(input('digest', 'pause', {}, on))).content).toMatch(/Paused/);
    expect((await digests.subscriptions.get(channels.briefings.id))?.paused).toBe(true);
    expect((await dispatcher.run(input('digest', 'resume', {}, on))).content).toMatch(/Resumed/);

    const status = await dispatcher.run(input('digest', 'status', {}, on));
    const text = textOf(status);
    expect(text).toContain('sent');
    expect(text).toContain('nothing new');

    expect((await dispatcher.run(input('digest', 'unsubscribe', {}, on))).content).toMatch(/Stopped/);
    expect(await digests.subscriptions.list(GUILD)).toEqual([]);
    expect((await dispatcher.run(input('digest', 'pause', {}, on))).content).toMatch(
      /no digest in #briefings/i,
    );
  });

  it('previews at most the messages one answer may post, and says how many the digest has', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeBriefing({ id: `day-${i}`, date: '2025-12-15', summary: `Item ${i}.` }),
    );
    const { dispatcher, input, digests } = testDispatcher(many);
    const on = { channels: { channel: channels.briefings } };
    await dispatcher.run(input('digest', 'subscribe', { time: '18:00' }, on));
    const messages = (await digests.preview(channels.briefings.id)).length;
    expect(messages).toBeGreaterThan(3);
    const preview = await dispatcher.run(input('digest', 'preview', {}, on));
    expect(preview.ephemeral).toBe(true);
    expect(preview.followUps).toHaveLength(2);
    expect(preview.content).toContain(`(its first 3 of ${messages} messages)`);
    for (const message of [preview, ...(preview.followUps ?? [])])
      expect(checkMessageLimits(message)).toEqual([]);
  });

  it('stores the time zone by its current name, whichever name was typed', async () => {
    const { dispatcher, input, digests } = testDispatcher(briefings);
    const on = { channels: { channel: channels.briefings } };
    for (const [typed, stored] of [
      ['Europe/Kyiv', 'Europe/Kyiv'],
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['asia/calcutta', 'Asia/Kolkata'],
    ]) {
      const reply = await dispatcher.run(
        input('digest', 'subscribe', { time: '08:00', timezone: typed }, on),
      );
      expect(reply.content).toContain(`(${stored})`);
      expect((await digests.subscriptions.get(channels.briefings.id))?.timezone).toBe(stored);
    }
    const city = await dispatcher.run(input('digest', 'subscribe', { time: '08:00', timezone: 'kyiv' }, on));
    expect(city.content).toMatch(/"kyiv" is not a known time zone\. Did you mean Europe\/Kyiv\?/);
  });

  it('autocompletes time zones by city, country, old name and common alias', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const choices = (value: string) =>
      dispatcher.autocomplete({ ...input('digest', 'subscribe'), focused: { name: 'timezone', value } });
    const first = (value: string) => choices(value)[0]?.value;
    expect(first('kyiv')).toBe('Europe/Kyiv');
    expect(first('Kiev')).toBe('Europe/Kyiv');
    expect(first('india')).toBe('Asia/Kolkata');
    expect(first('calcutta')).toBe('Asia/Kolkata');
    expect(first('mumbai')).toBe('Asia/Kolkata');
    expect(first('new york')).toBe('America/New_York');
    expect(first('berlin')).toBe('Europe/Berlin');
    expect(first('são paulo')).toBe('America/Sao_Paulo');
    expect(choices('germany').map((choice) => choice.value)).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    expect(first('united kingdom')).toBe('Europe/London');
    expect(first('beijing')).toBe('Asia/Shanghai');
    expect(choices('kyiv')[0]?.name).toBe('Europe/Kyiv (Ukraine)');
    expect(choices('utc')[0]).toEqual({ name: 'UTC', value: 'UTC' });
    for (const value of ['', 'a', 'united states', 'america']) {
      const found = choices(value);
      expect(found.length).toBeLessThanOrEqual(25);
      for (const choice of found) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value).not.toMatch(/^(Europe\/Kiev|Asia\/Calcutta|Asia\/Saigon)$/);
      }
    }
  });

  it('autocompletes time zones by region or city', async () => {
    const { dispatcher, input } = testDispatcher(briefings);
    const complete = (value: string) =>
      dispatcher
        .autocomplete({ ...input('digest', 'subscribe'), focused: { name: 'timezone', value } })
        .map((c) => c.value);
    expect(complete('europe/ber')).toEqual(['Europe/Berlin']);
    expect(complete('new york')).toContain('America/New_York');
    expect(complete('').length).toBe(25);
  });
});
