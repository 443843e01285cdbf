/**
 * The form an editor pastes a brief into (a Discord modal): the brief itself, and optional title and date. Held
 * to Discord's limits: 45 characters a label or title, 4,000 a text field.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';

/** The most a form's text field holds: a longer brief is attached as a file instead. */
export const FORM_TEXT_MAX = 4000;
export const TITLE_MAX = 200;

/** The custom_ids of the form's fields, as a submitted form gives them back. */
export const FORM_FIELDS = { brief: 'brief', title: 'title', date: 'date' } as const;

export interface FormValues {
  brief?: string;
  title?: string;
  date?: string;
}

function field(
  label: string,
  description: string,
  input: Omit<APITextInputComponent, 'type'>,
): APIModalInteractionResponseCallbackData['components'][number] {
  // Prefilled values are cut to what the field holds: Discord refuses the whole form otherwise.
  const { value: given, ...rest } = input;
  const value = given?.slice(0, rest.max_length);
  return {
    type: ComponentType.Label,
    label,
    description,
    component: { type: ComponentType.TextInput, ...rest, ...(value ? { value } : {}) },
  };
}

export function publishForm(customId: string, values: FormValues): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: 'Publish a briefing',
    components: [
      field('Brief', 'Paste it as it is: labels, headings and page junk are sorted out.', {
        custom_id: FORM_FIELDS.brief,
        style: TextInputStyle.Paragraph,
        required: true,
        min_length: 1,
        max_length: FORM_TEXT_MAX,
        placeholder: 'Title, summary, What happened, Why it matters, Implications…',
        value: values.brief,
      }),
      field('Title (optional)', 'Replaces the title the brief gives.', {
        custom_id: FORM_FIELDS.title,
        style: TextInputStyle.Short,
        required: false,
        max_length: TITLE_MAX,
        value: values.title,
      }),
      field('Date (optional)', 'YYYY-MM-DD, for a brief with no date line of its own.', {
        custom_id: FORM_FIELDS.date,
        style: TextInputStyle.Short,
        required: false,
        max_length: 10,
        placeholder: 'YYYY-MM-DD',
        value: values.date,
      }),
    ],
  };
}
