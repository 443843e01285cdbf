/**
 * /editor publish [file]: opens the form to paste a brief into, or reads an attached one (.txt, .md, .json,
 * downloaded from Discord under the size and time limits); either way the editor gets a preview to save.
 */
import { extname } from 'node:path';
import { formatOfFile } from '../../briefing/parse.js';
import { MAX_TEXT_FILE_BYTES } from '../../files/read-text-file.js';
import { localDate } from '../../library/dates.js';
import { formId } from '../../render/publish.js';
import { publishForm } from '../../render/publish-form.js';
import { attachmentOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { UsageError } from '../types.js';
import { publishingOf } from './publishing.js';
import { startDraft } from './steps.js';

const MEGABYTE = 1024 * 1024;

export const publish = defineSubcommand({
  name: 'publish',
  description: 'Paste a brief (or attach one), check what the bot understood, save it',
  options: {
    file: attachmentOption({ description: 'A brief as a .txt, .md or .json file, instead of pasting it' }),
  },
  async run(input, services) {
    const publishing = publishingOf(services);
    const file = input.options.file;
    // Today's date stands ready for a brief with no date line; the editor can change it.
    if (!file)
      return { modal: publishForm(formId(), { date: localDate(services.defaultTimezone, services.now()) }) };
    if (!formatOfFile(file.name))
      throw new UsageError(
        `${file.name} is not a brief the bot reads (${extname(file.name) || 'no extension'}): attach a .txt, .md or .json file, or run /editor publish without a file and paste the text.`,
      );
    if (file.size > MAX_TEXT_FILE_BYTES)
      throw new UsageError(
        `${file.name} is ${(file.size / MEGABYTE).toFixed(1)} MB: a brief must be under ${MAX_TEXT_FILE_BYTES / MEGABYTE} MB.`,
      );
    const read = await publishing.readAttachment({ url: file.url });
    if (!read.ok) throw new UsageError(`${file.name}: ${read.message}`);
    return startDraft(publishing, input.user.id, { text: read.text, fileName: file.name }, services);
  },
});
