/**
 * Filling Discord messages in order: embeds of at most 4,096 description characters and 25
 * fields, at most 10 embeds and 6,000 characters per message. A new embed or message opens
 * whenever the next piece would pass a limit. The shapes are declared as plain JSON so no SDK
 * is imported; they are what discord.js's `APIEmbed` and `allowedMentions` accept.
 */
import { splitFirst, type SplitOptions } from './split.ts';

export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline: boolean;
}

export interface DiscordEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly color: number;
  readonly fields?: DiscordEmbedField[];
  readonly footer?: { readonly text: string };
}

/** One message payload for discord.js `reply` / `editReply` / `followUp` / `send`. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: DiscordEmbed[];
  /** Always `{ parse: [] }`: article text may say @everyone; the bot never pings. */
  readonly allowedMentions: { readonly parse: [] };
  /** Buttons an adapter adds under an answer (the renderer makes none): action rows of buttons. */
  readonly components?: DiscordActionRow[];
}

/** A row of buttons (Discord component type 1 holding type 2 buttons, style 2: grey). */
export interface DiscordActionRow {
  readonly type: 1;
  readonly components: { readonly type: 2; readonly style: 2; readonly label: string; readonly custom_id: string }[];
}

export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedsPerMessage: 10,
  /** Title, description, field names and values and footer text of all embeds together. */
  charsPerMessage: 6000,
} as const;

/** A description is never begun in less room than this; a quotation chunk is never longer. */
export const QUOTE_CHUNK = 1500;

/** A neutral blue, so answers are recognisable in a busy channel. */
export const EMBED_COLOR = 0x2b6cb0;

/** An embed being filled. */
interface Draft {
  title?: string;
  description?: string;
  fields: DiscordEmbedField[];
  footer?: { readonly text: string };
}

function draftSize(draft: Omit<Draft, 'fields'> & { readonly fields?: readonly DiscordEmbedField[] }): number {
  const fields = (draft.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (draft.title?.length ?? 0) + (draft.description?.length ?? 0) + fields + (draft.footer?.text.length ?? 0);
}

function finished(draft: Draft): DiscordEmbed {
  return {
    ...(draft.title === undefined ? {} : { title: draft.title }),
    ...(draft.description === undefined ? {} : { description: draft.description }),
    color: EMBED_COLOR,
    ...(draft.fields.length === 0 ? {} : { fields: draft.fields }),
    ...(draft.footer === undefined ? {} : { footer: draft.footer }),
  };
}

/** Fills embeds and messages in order, opening a new one whenever a limit would be passed. */
export class MessagePacker {
  /** How descriptions are cut: the Discord renderer's atomic spans and chunk repair. */
  private readonly split: SplitOptions;
  private readonly done: Draft[][] = [];
  private current: Draft[] = [];
  private size = 0;

  constructor(split: SplitOptions) {
    this.split = split;
  }

  addEmbed(embed: Partial<Draft>): void {
    const draft: Draft = { ...embed, fields: embed.fields ?? [] };
    const size = draftSize(draft);
    if (!this.fits(size, true)) this.nextMessage();
    this.current.push(draft);
    this.size += size;
  }

  /**
   * The answer's paragraphs as descriptions: whole paragraphs while they fit, a paragraph
   * longer than a whole description cut to fill the space left. The first embed carries the
   * title. A second, shorter description fills what a message has left after a full one.
   */
  addDescriptions(title: string, pieces: readonly string[]): void {
    const queue = pieces.filter((piece) => piece.trim() !== '');
    let first = true;
    while (queue.length > 0 || (first && title !== '')) {
      const heading = first ? title : '';
      if (this.room() - heading.length < QUOTE_CHUNK || this.current.length >= DISCORD_LIMITS.embedsPerMessage) {
        this.nextMessage();
      }
      const budget = Math.min(DISCORD_LIMITS.description, this.room() - heading.length);
      let description = '';
      while (queue.length > 0) {
        const piece = queue[0] ?? '';
        const joined = description === '' ? piece : `${description}\n\n${piece}`;
        if (joined.length <= budget) {
          description = joined;
          queue.shift();
          continue;
        }
        if (piece.length > DISCORD_LIMITS.description || description === '') {
          const room = description === '' ? budget : budget - description.length - 2;
          if (room >= QUOTE_CHUNK / 2 || description === '') {
            const [head, rest] = splitFirst(piece, room, this.split);
            description = description === '' ? head : `${description}\n\n${head}`;
            if (rest === '') queue.shift();
            else queue[0] = rest;
          }
        }
        break;
      }
      if (heading !== '' || description !== '') {
        this.addEmbed({ ...(heading === '' ? {} : { title: heading }), ...(description === '' ? {} : { description }) });
      }
      first = false;
    }
  }

  addField(field: DiscordEmbedField): void {
    const size = field.name.length + field.value.length;
    const last = this.current[this.current.length - 1];
    if (last !== undefined && last.fields.length < DISCORD_LIMITS.fieldsPerEmbed && this.fits(size, false)) {
      last.fields.push(field);
      this.size += size;
    } else {
      this.addEmbed({ fields: [field] });
    }
  }

  addFooter(text: string): void {
    const last = this.current[this.current.length - 1];
    if (last !== undefined && last.footer === undefined && this.fits(text.length, false)) {
      last.footer = { text };
      this.size += text.length;
    } else {
      this.addEmbed({ footer: { text } });
    }
  }

  messages(): DiscordMessage[] {
    const all = this.current.length > 0 ? [...this.done, this.current] : this.done;
    return all.map((drafts) => ({ embeds: drafts.map(finished), allowedMentions: { parse: [] } }));
  }

  private room(): number {
    return DISCORD_LIMITS.charsPerMessage - this.size;
  }

  private fits(size: number, newEmbed: boolean): boolean {
    if (newEmbed && this.current.length >= DISCORD_LIMITS.embedsPerMessage) return false;
    return this.size + size <= DISCORD_LIMITS.charsPerMessage;
  }

  private nextMessage(): void {
    if (this.current.length > 0) this.done.push(this.current);
    this.current = [];
    this.size = 0;
  }
}
