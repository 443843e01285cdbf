import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/render/check.js';
import { makeBriefing } from '../support/briefings.js';
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

    expect((await subscribe('voice')).content).toMatch(/not a text or announcement channel/);
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

  it('lists, previews, sends now, pauses, resumes, shows status and unsubscribes', async () => {
    const { dispatcher, input, sink, digests } = testDispatcher(briefings);
    const on = { channels: { channel: channels.briefings } };
    await dispatcher.run(input('digest', 'subscribe', { time: '18:00', tag: 'weather' }, on));

    const list = await dispatcher.run(input('digest', 'list'));
    expect(checkMessageLimits(list)).toEqual([]);
    expect(JSON.stringify(list.embeds)).toContain('18:00');

    const preview = await dispatcher.run(input('digest', 'preview', {}, on));
    expect(preview.ephemeral).toBe(true);
    expect(JSON.stringify(preview.embeds)).toContain('pakistan-floods');
    expect(JSON.stringify(preview.embeds)).not.toContain('berlin-talks');
    expect(sink.sent).toHaveLength(0);

    const sent = await dispatcher.run(input('digest', 'send-now', {}, on));
    expect(sent.content).toMatch(/Posted 1 new briefing/);
    expect(sink.sent.map((entry) => entry.channelId)).toEqual([channels.briefings.id]);
    const again = await dispatcher.run(input('digest', 'send-now', {}, on));
    expect(again.content).toMatch(/Nothing posted.*nothing-new/);

    expect((await dispatcher.run(input('digest', 'pause', {}, on))).content).toMatch(/Paused/);
    expect(digests.get(channels.briefings.id)?.paused).toBe(true);
    expect((await dispatcher.run(input('digest', 'resume', {}, on))).content).toMatch(/Resumed/);

    const status = await dispatcher.run(input('digest', 'status', {}, on));
    const text = JSON.stringify(status.embeds);
    expect(text).toContain('sent');
    expect(text).toContain('nothing new');

    expect((await dispatcher.run(input('digest', 'unsubscribe', {}, on))).content).toMatch(/Stopped/);
    expect(digests.list(GUILD)).toEqual([]);
    expect((await dispatcher.run(input('digest', 'pause', {}, on))).content).toMatch(
      /no digest in #briefings/i,
    );
  });

  it('autocompletes time zones by region or city', () => {
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
