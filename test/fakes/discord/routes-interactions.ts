/**
 * REST routes for answering interactions: the callback (reply, defer, autocomplete
 * choices) within Discord's three seconds, then the interaction webhook for editReply,
 * followUp, fetchReply and deleteReply within the token's lifetime.
 */
import { alreadyAcknowledged, invalidFormBody, invalidWebhookToken, unknownInteraction, unknownMessage, unknownWebhook, type FieldProblem } from './errors.ts';
import { createMessage, editMessage } from './message-store.ts';
import { messageJson } from './payloads.ts';
import { route, type Route, type RouteRequest, type RouteResponse } from './router.ts';
import type { RestContext } from './routes-core.ts';
import { asObject } from './routes-messages.ts';
import type { InteractionRecord, MessageRecord } from './state.ts';
import type { Json, JsonObject } from './types.ts';

const REPLY = 4;
const DEFERRED_REPLY = 5;
/** For a button: acknowledge now, edit the message it was on later. */
const DEFERRED_UPDATE = 6;
/** For a button: edit the message it was on. */
const UPDATE_MESSAGE = 7;
const AUTOCOMPLETE_RESULT = 8;
const MODAL = 9;
const EPHEMERAL = 64;

export function interactionRoutes(context: RestContext): Route[] {
  const { state } = context;

  const callback = (request: RouteRequest): RouteResponse => {
    const interaction = state.interactions.get(request.params.interactionId ?? '');
    if (!interaction || interaction.token !== request.params.token) throw unknownInteraction();
    const body = asObject(request.body);
    const type = typeof body.type === 'number' ? body.type : -1;
    try {
      const response = answer(interaction, type, body, request);
      interaction.callbacks.push({ type, at: request.at, status: response.status, body });
      return response;
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      interaction.callbacks.push({ type, at: request.at, status, body });
      throw error;
    }
  };

  const answer = (interaction: InteractionRecord, type: number, body: JsonObject, request: RouteRequest): RouteResponse => {
    if (interaction.acknowledged) throw alreadyAcknowledged();
    if (request.at - interaction.dispatchedAt > context.interactionTimeoutMs) throw unknownInteraction();
    const allowed =
      interaction.kind === 'autocomplete'
        ? [AUTOCOMPLETE_RESULT]
        : interaction.kind === 'component'
          ? [REPLY, DEFERRED_REPLY, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL]
          : [REPLY, DEFERRED_REPLY, MODAL];
    if (!allowed.includes(type)) {
      throw invalidFormBody([
        {
          path: ['type'],
          code: 'INTERACTION_CALLBACK_TYPE_INVALID',
          message: `Interaction callback type ${type} is not valid for this interaction`,
        },
      ]);
    }
    const data = asObject(body.data);
    let message: MessageRecord | undefined;
    if (type === AUTOCOMPLETE_RESULT) {
      const problems = choiceProblems(data.choices);
      if (problems.length) throw invalidFormBody(problems);
    } else if (type === REPLY || type === DEFERRED_REPLY) {
      const channel = state.channels.get(interaction.channelId)!;
      message = createMessage(state, {
        channel,
        authorId: state.botUserId,
        body: { ...data, flags: Number(data.flags ?? 0) & EPHEMERAL },
        files: request.files,
        source: 'interaction-response',
        interactionId: interaction.id,
        placeholder: type === DEFERRED_REPLY,
      });
      interaction.originalMessageId = message.id;
      context.onMessage(message, 'MESSAGE_CREATE');
    } else if (type === UPDATE_MESSAGE || type === DEFERRED_UPDATE) {
      // The message the button was on is the interaction's own, to edit now or later.
      const clicked = state.messages.get(interaction.messageId ?? '');
      if (!clicked || clicked.deleted) throw unknownMessage();
      interaction.originalMessageId = clicked.id;
      if (type === UPDATE_MESSAGE) {
        editMessage(state, clicked, data, request.files);
        context.onMessage(clicked, 'MESSAGE_UPDATE');
      }
    }
    interaction.acknowledged = true;
    if (request.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.kind === 'autocomplete' ? 4 : 2,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: type === DEFERRED_REPLY,
                response_message_ephemeral: (message.flags & EPHEMERAL) !== 0,
              }
            : {}),
        },
        resource: { type, ...(message ? { message: messageJson(state, message) } : {}) },
      },
    };
  };

  /** The interaction behind a webhook URL, if its token still works and it was answered. */
  const webhookInteraction = (params: Readonly<Record<string, string>>, at: number): InteractionRecord => {
    const interaction = state.interactionsByToken.get(params.token ?? '');
    if (!interaction || params.applicationId !== state.applicationId) throw invalidWebhookToken();
    if (at - interaction.dispatchedAt > context.interactionTokenTtlMs) throw invalidWebhookToken();
    if (!interaction.acknowledged) throw unknownWebhook();
    return interaction;
  };
  const webhookMessage = (interaction: InteractionRecord, id: string | undefined): MessageRecord => {
    const messageId = id === '@original' ? interaction.originalMessageId : id;
    const message = state.messages.get(messageId ?? '');
    if (!message || message.deleted || message.interactionId !== interaction.id) throw unknownMessage();
    return message;
  };
  const base = '/webhooks/:applicationId/:token';

  return [
    route('POST', '/interactions/:interactionId/:token/callback', callback, false),
    route(
      'POST',
      base,
      ({ params, body, files, at, query }) => {
        const interaction = webhookInteraction(params, at);
        const data = asObject(body);
        const message = createMessage(state, {
          channel: state.channels.get(interaction.channelId)!,
          authorId: state.botUserId,
          body: { ...data, flags: Number(data.flags ?? 0) & (EPHEMERAL | 4) },
          files,
          source: 'interaction-followup',
          interactionId: interaction.id,
        });
        context.onMessage(message, 'MESSAGE_CREATE');
        return query.wait === 'false' ? { status: 204 } : { status: 200, body: messageJson(state, message) };
      },
      false,
    ),
    route(
      'GET',
      `${base}/messages/:messageId`,
      ({ params, at }) => {
        const interaction = webhookInteraction(params, at);
        return { status: 200, body: messageJson(state, webhookMessage(interaction, params.messageId)) };
      },
      false,
    ),
    route(
      'PATCH',
      `${base}/messages/:messageId`,
      ({ params, at, body, files }) => {
        const interaction = webhookInteraction(params, at);
        const message = webhookMessage(interaction, params.messageId);
        editMessage(state, message, asObject(body), files);
        context.onMessage(message, 'MESSAGE_UPDATE');
        return { status: 200, body: messageJson(state, message) };
      },
      false,
    ),
    route(
      'DELETE',
      `${base}/messages/:messageId`,
      ({ params, at }) => {
        const interaction = webhookInteraction(params, at);
        const message = webhookMessage(interaction, params.messageId);
        message.deleted = true;
        context.onMessage(message, 'MESSAGE_DELETE');
        return { status: 204 };
      },
      false,
    ),
  ];
}

/** Discord's limits on autocomplete choices: at most 25, names 1–100, string values ≤ 100. */
function choiceProblems(choices: Json | undefined): FieldProblem[] {
  if (!Array.isArray(choices)) {
    return [{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  }
  const problems: FieldProblem[] = [];
  if (choices.length > 25) {
    problems.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  const badLength = (i: number, key: string): FieldProblem => ({
    path: ['data', 'choices', i, key],
    code: 'BASE_TYPE_BAD_LENGTH',
    message: 'Must be between 1 and 100 in length.',
  });
  choices.forEach((entry, i) => {
    const choice = asObject(entry);
    const name = typeof choice.name === 'string' ? [...choice.name].length : 0;
    if (name < 1 || name > 100) problems.push(badLength(i, 'name'));
    const value = choice.value;
    if (typeof value === 'string' ? [...value].length > 100 : typeof value !== 'number') problems.push(badLength(i, 'value'));
  });
  return problems;
}
