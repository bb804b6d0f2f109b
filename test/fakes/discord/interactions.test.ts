/**
 * The fake Discord's interactions and application commands, driven by the real discord.js
 * client: slash commands with typed options, autocomplete, the callback timing rules, and
 * command registration.
 */
import { Events, MessageFlags, PermissionFlagsBits, type GuildMember } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALICE, BOB, CAROL, closeAll, connect } from './client-harness.ts';

afterEach(closeAll);

describe('slash commands', () => {
  it('delivers typed options to interactionCreate and records deferReply before editReply', async () => {
    const { fake, client } = await connect();
    await client.application.commands.set([
      {
        name: 'ask',
        description: 'Ask about the story',
        options: [
          { name: 'question', description: 'What to ask', type: 3, required: true },
          { name: 'limit', description: 'How many sources', type: 4 },
        ],
      },
    ]);
    const seen: { question?: string; limit?: number | null } = {};
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.question = interaction.options.getString('question', true);
      seen.limit = interaction.options.getInteger('limit');
      await interaction.deferReply();
      await interaction.editReply({
        embeds: [{ description: 'An answer [1]', fields: [{ name: 'Sources', value: '[1] Outlet, 2019' }] }],
      });
    });

    const sent = fake.sendInteraction({ name: 'ask', userId: BOB, options: { question: 'who said it?', limit: 3 } });
    const edit = await fake.waitForRequest('PATCH', `/webhooks/:app/${sent.token}/messages/@original`);

    expect(seen).toEqual({ question: 'who said it?', limit: 3 });
    const callback = fake.requestsTo('POST', '/interactions/:id/:token/callback')[0]!;
    expect(callback.body).toMatchObject({ type: 5 });
    expect(callback.seq).toBeLessThan(edit.seq);
    expect(fake.interaction(sent.id).ackDelayMs).toBeLessThan(3_000);
    const reply = fake.message(fake.interaction(sent.id).originalMessageId!);
    expect(reply).toMatchObject({ authorId: fake.botUserId, source: 'interaction-response', flags: 0 });
    expect(reply?.embeds[0]).toMatchObject({ description: 'An answer [1]' });
  });

  it('reports Manage Channels in member permissions only for the member whose role grants it', async () => {
    const { fake, client } = await connect();
    const permissions = new Map<string, { sent: boolean; cached: boolean }>();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.channel) return;
      // What Discord computed and sent, and what discord.js computes from the cached roles.
      const sent = interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
      const member = interaction.member as GuildMember;
      const cached = member.permissionsIn(interaction.channelId).has(PermissionFlagsBits.ManageChannels);
      permissions.set(interaction.user.id, { sent, cached });
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });

    const byAlice = fake.sendInteraction({ name: 'schedule', userId: ALICE });
    const byBob = fake.sendInteraction({ name: 'schedule', userId: BOB });
    await fake.waitFor(() => fake.interaction(byAlice.id).callbacks.length + fake.interaction(byBob.id).callbacks.length === 2);

    expect(permissions.get(ALICE)).toEqual({ sent: true, cached: true });
    expect(permissions.get(BOB)).toEqual({ sent: false, cached: false });
    expect(fake.message(fake.interaction(byBob.id).originalMessageId!)?.flags).toBe(64);
  });

  it('sends autocomplete with the focused option and takes the choices back as a type 8 callback', async () => {
    const { fake, client } = await connect();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${typed.name}: ${typed.value}son`, value: `${typed.value}son` }]);
    });

    const sent = fake.sendInteraction({
      type: 'autocomplete',
      name: 'quotes',
      userId: BOB,
      options: { speaker: 'John', limit: 2 },
      focused: 'speaker',
    });
    await fake.waitForRequest('POST', `/interactions/${sent.id}/:token/callback`);

    expect(fake.interaction(sent.id).callbacks[0]).toMatchObject({
      type: 8,
      status: 204,
      body: { data: { choices: [{ name: 'speaker: Johnson', value: 'Johnson' }] } },
    });
  });

  it("refuses autocomplete choices past Discord's limits: 26 choices, or a name over 100 characters", async () => {
    const { fake, client } = await connect();
    const outcomes: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const many = Array.from({ length: 26 }, (_, i) => ({ name: `speaker ${i}`, value: `s${i}` }));
      const long = [{ name: 'n'.repeat(101), value: 'long' }];
      const choices = interaction.options.getFocused() === 'many' ? many : long;
      outcomes.push(
        await interaction.respond(choices).then(
          () => 'accepted',
          (error: unknown) => error,
        ),
      );
    });

    fake.sendInteraction({ type: 'autocomplete', name: 'quotes', userId: BOB, options: { speaker: 'many' }, focused: 'speaker' });
    fake.sendInteraction({ type: 'autocomplete', name: 'quotes', userId: BOB, options: { speaker: 'long' }, focused: 'speaker' });
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));

    expect(outcomes).toEqual([expect.objectContaining({ status: 400, code: 50035 }), expect.objectContaining({ status: 400, code: 50035 })]);
  });

  it('answers a callback asked with_response with the callback and the reply message', async () => {
    const { fake, client } = await connect();
    const answered = new Promise<{ loading: boolean; messageId: string | null }>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.deferReply({ withResponse: true });
        resolve({ loading: response.interaction.responseMessageLoading ?? false, messageId: response.resource?.message?.id ?? null });
      });
    });

    const sent = fake.sendInteraction({ name: 'digest', userId: ALICE });

    expect(await answered).toEqual({ loading: true, messageId: fake.interaction(sent.id).originalMessageId });
  });

  it('refuses a first callback that comes after the interaction timed out, with 10062 Unknown interaction', async () => {
    const { fake, client } = await connect({ interactionTimeoutMs: 100 });
    const failure = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((r) => setTimeout(r, 200));
        await interaction.deferReply().then(() => resolve(undefined), resolve);
      });
    });

    fake.sendInteraction({ name: 'ask', userId: BOB });

    expect(await failure).toMatchObject({ code: 10062, status: 404 });
  });

  it('carries a DM command with the user instead of a member, and takes a reply and a follow-up there', async () => {
    const { fake, client } = await connect();
    const seen: { inGuild?: boolean; dm?: boolean } = {};
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.inGuild = interaction.inGuild();
      seen.dm = interaction.channel?.isDMBased();
      await interaction.reply({ content: 'first', allowedMentions: { parse: [] } });
      await interaction.followUp({ content: 'second', allowedMentions: { parse: [] } });
    });

    const sent = fake.sendInteraction({ dm: true, name: 'help', userId: CAROL });
    await fake.waitForRequest('POST', `/webhooks/:app/${sent.token}`);

    expect(seen).toEqual({ inGuild: false, dm: true });
    expect(sent.channelId).toBe(fake.dmChannelId(CAROL));
    expect(fake.messagesIn(sent.channelId).map((m) => [m.source, m.content])).toEqual([
      ['interaction-response', 'first'],
      ['interaction-followup', 'second'],
    ]);
  });

  it('resolves a user option to the user and the guild member, typed from the registered command', async () => {
    const { fake, client } = await connect();
    await client.application.commands.set([
      {
        name: 'quotes',
        description: 'Quotes by a person',
        options: [{ name: 'who', description: 'The person', type: 6, required: true }],
      },
    ]);
    const seen: { username?: string; member?: boolean } = {};
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.username = interaction.options.getUser('who', true).username;
      seen.member = interaction.options.getMember('who') !== null;
      await interaction.deferReply();
    });

    const sent = fake.sendInteraction({ name: 'quotes', userId: BOB, options: { who: ALICE } });
    await fake.waitForRequest('POST', `/interactions/${sent.id}/:token/callback`);

    expect(seen).toEqual({ username: 'alice', member: true });
  });

  it('refuses a second initial callback with 40060, as Discord does', async () => {
    const { fake, client } = await connect();
    const sent = fake.sendInteraction({ name: 'ask', userId: BOB });
    const callback = `/interactions/${sent.id}/${sent.token}/callback` as const;

    await client.rest.post(callback, { body: { type: 5 }, auth: false });
    const second = client.rest.post(callback, { body: { type: 4, data: { content: 'again' } }, auth: false });

    await expect(second).rejects.toMatchObject({ status: 400, code: 40060 });
    expect(fake.interaction(sent.id).callbacks.map((c) => c.status)).toEqual([204, 400]);
  });

  it('retries an interaction callback that got a 429, within the three seconds', async () => {
    const { fake, client } = await connect();
    fake.failNext({ path: '/interactions/:id/:token/callback', status: 429, retryAfter: 0.2 });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.deferReply();
    });

    const sent = fake.sendInteraction({ name: 'ask', userId: BOB });
    await fake.waitFor((r) => r.path.startsWith(`/interactions/${sent.id}/`) && r.status === 204);

    const statuses = fake.requestsTo('POST', '/interactions/:id/:token/callback').map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
    expect(fake.interaction(sent.id).ackDelayMs).toBeLessThan(3_000);
  });

  it('round-trips commands: what PUT stored, GET returns with ids, globally and per guild', async () => {
    const { fake, client } = await connect();
    const guildId = fake.guildIds[0]!;
    const definitions = [
      { name: 'ask', description: 'Ask about the story' },
      { name: 'sources', description: 'List the sources' },
    ];

    const put = await client.application.commands.set(definitions);
    const fetched = await client.application.commands.fetch();
    await client.application.commands.set([definitions[0]!], guildId);
    const guildCommands = await client.application.commands.fetch({ guildId });

    expect(fake.requestsTo('PUT', '/applications/:app/commands')).toHaveLength(1);
    expect([...fetched.values()].map((c) => [c.id, c.name]).sort()).toEqual([...put.values()].map((c) => [c.id, c.name]).sort());
    expect(fake.commands().map((c) => c.name)).toEqual(['ask', 'sources']);
    expect([...guildCommands.values()].map((c) => c.name)).toEqual(['ask']);
    expect(fake.commands(guildId)[0]).toMatchObject({ guild_id: guildId });
  });

  it('keeps a command id across overwrites and rejects a name Discord would refuse', async () => {
    const { client } = await connect();
    const first = await client.application.commands.set([{ name: 'ask', description: 'Ask' }]);
    const second = await client.application.commands.set([{ name: 'ask', description: 'Ask again' }]);

    expect([...second.keys()]).toEqual([...first.keys()]);
    await expect(client.application.commands.set([{ name: 'Has Spaces', description: 'x' }])).rejects.toMatchObject({
      status: 400,
      code: 50035,
    });
  });
});
