/**
 * Threads the fake keeps: posts in forum and media channels (public threads, type 11, each with a starter message
 * whose id is the thread's), as Discord stores, lists and describes them.
 */
import { ChannelType } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export interface ThreadRecord {
  id: string;
  guildId: string;
  /** The forum or media channel the post is in. */
  parentId: string;
  ownerId: string;
  name: string;
  appliedTags: string[];
  archived: boolean;
  locked: boolean;
  /** When it was archived or unarchived last (creation, until then), ISO. */
  archiveTimestamp: string;
  createTimestamp: string;
  /** Minutes of inactivity before Discord archives it. */
  autoArchiveDuration: number;
  /** Messages in it, the starter message not counted (as Discord counts). */
  messageCount: number;
  totalMessageSent: number;
  lastMessageId: string | null;
}

/** A thread as GET /channels/{id}, thread lists, THREAD_CREATE and THREAD_UPDATE describe it. */
export function apiThread(thread: ThreadRecord): Record<string, unknown> {
  return {
    id: thread.id,
    type: ChannelType.PublicThread,
    guild_id: thread.guildId,
    parent_id: thread.parentId,
    owner_id: thread.ownerId,
    name: thread.name,
    flags: 0,
    last_message_id: thread.lastMessageId,
    rate_limit_per_user: 0,
    message_count: thread.messageCount,
    member_count: 1,
    total_message_sent: thread.totalMessageSent,
    applied_tags: [...thread.appliedTags],
    thread_metadata: {
      archived: thread.archived,
      auto_archive_duration: thread.autoArchiveDuration,
      archive_timestamp: thread.archiveTimestamp,
      locked: thread.locked,
      create_timestamp: thread.createTimestamp,
    },
  };
}

export class ThreadStore {
  private readonly byId = new Map<string, ThreadRecord>();

  /** A new post in `parentId`, made now by `ownerId`; its id is also its starter message's. */
  create(spec: {
    guildId: string;
    parentId: string;
    ownerId: string;
    name: string;
    appliedTags: readonly string[];
    autoArchiveDuration?: number;
  }): ThreadRecord {
    const now = new Date().toISOString();
    const id = snowflake();
    const thread: ThreadRecord = {
      id,
      guildId: spec.guildId,
      parentId: spec.parentId,
      ownerId: spec.ownerId,
      name: spec.name,
      appliedTags: [...spec.appliedTags],
      archived: false,
      locked: false,
      archiveTimestamp: now,
      createTimestamp: now,
      autoArchiveDuration: spec.autoArchiveDuration ?? 4320,
      messageCount: 0,
      totalMessageSent: 0,
      lastMessageId: id,
    };
    this.byId.set(id, thread);
    return thread;
  }

  get(id: string): ThreadRecord | undefined {
    return this.byId.get(id);
  }

  /** Every thread of a channel (`parentId`) or of a guild, oldest first. */
  list(filter: { parentId?: string; guildId?: string } = {}): ThreadRecord[] {
    return [...this.byId.values()]
      .filter(
        (thread) =>
          (filter.parentId === undefined || thread.parentId === filter.parentId) &&
          (filter.guildId === undefined || thread.guildId === filter.guildId),
      )
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  /** Archives (or unarchives) a thread now; `locked` keeps members other than moderators from reopening it. */
  setArchived(thread: ThreadRecord, archived: boolean, locked = thread.locked): void {
    thread.archived = archived;
    thread.locked = archived ? locked : false;
    thread.archiveTimestamp = new Date().toISOString();
  }

  /** A message went into the thread. */
  noteMessage(thread: ThreadRecord, messageId: string): void {
    thread.messageCount += 1;
    thread.totalMessageSent += 1;
    thread.lastMessageId = messageId;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }
}
