/**
 * A form (Discord's modal) filled in at the terminal: each long field is read from the prompt until a line with
 * a single `.`; short fields keep what the form prefilled (a brief's own `Title:` or `Date:` line says more).
 */
import {
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';

export const END_OF_TEXT = '.';

function textInputs(
  form: APIModalInteractionResponseCallbackData,
): { label: string; input: APITextInputComponent }[] {
  return form.components.flatMap((component) => {
    if (component.type === ComponentType.Label && component.component.type === ComponentType.TextInput)
      return [{ label: component.label, input: component.component }];
    if (component.type === ComponentType.ActionRow)
      return component.components.flatMap((input) =>
        input.type === ComponentType.TextInput ? [{ label: input.label ?? input.custom_id, input }] : [],
      );
    return [];
  });
}

/**
 * The form's values, by custom_id: `nextLine` gives the next typed line (undefined when the input ends, which
 * also ends a long field). `say` prints the prompt for each long field.
 */
export async function fillForm(
  form: APIModalInteractionResponseCallbackData,
  nextLine: () => Promise<string | undefined>,
  say: (text: string) => void,
): Promise<Record<string, string>> {
  const values: Record<string, string> = Object.create(null);
  for (const { label, input } of textInputs(form)) {
    if (input.style !== TextInputStyle.Paragraph) {
      values[input.custom_id] = input.value ?? '';
      continue;
    }
    say(`${form.title}: paste the ${label.toLowerCase()}, then a line with a single "${END_OF_TEXT}".`);
    const lines: string[] = [];
    for (
      let line = await nextLine();
      line !== undefined && line.trim() !== END_OF_TEXT;
      line = await nextLine()
    )
      lines.push(line);
    values[input.custom_id] = lines.join('\n');
  }
  return values;
}
