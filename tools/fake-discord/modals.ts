/**
 * What a user sends back from a modal: the MODAL_SUBMIT data Discord builds from the modal the bot showed, in
 * the same layout (action rows or labels), with what the user typed. Discord's client will not submit an empty
 * required field, a value outside min/max length, or a line break in a short input, so neither will the fake.
 */
import { ComponentType, TextInputStyle } from 'discord-api-types/v10';
import type { Body } from './interactions.js';

/** The modal's components, each with an id: its own, or the next free one from 1 up in order, as Discord gives. */
function withIds(components: readonly Body[]): Body[] {
  const taken = new Set<number>();
  const collect = (component: Body) => {
    if (typeof component.id === 'number') taken.add(component.id);
    for (const child of children(component)) collect(child);
  };
  components.forEach(collect);
  let next = 1;
  const assign = (component: Body): Body => {
    let id = component.id;
    if (typeof id !== 'number') {
      while (taken.has(next)) next += 1;
      id = next;
      taken.add(next);
    }
    const copy: Body = { ...component, id };
    if (Array.isArray(component.components)) copy.components = (component.components as Body[]).map(assign);
    if (isBody(component.component)) copy.component = assign(component.component);
    return copy;
  };
  return components.map(assign);
}

const isBody = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function children(component: Body): Body[] {
  const inner = Array.isArray(component.components) ? (component.components as unknown[]) : [];
  return [...inner, component.component].filter(isBody);
}

/** The text inputs of a modal, wherever they sit. */
export function textInputs(modal: Body): Body[] {
  const found: Body[] = [];
  const visit = (component: Body) => {
    if (component.type === ComponentType.TextInput) found.push(component);
    else children(component).forEach(visit);
  };
  (Array.isArray(modal.components) ? (modal.components as unknown[]) : []).filter(isBody).forEach(visit);
  return found;
}

function submittedValue(input: Body, given: string | undefined, label: string): string {
  const customId = String(input.custom_id);
  const value = given ?? (typeof input.value === 'string' ? input.value : '');
  if (typeof value !== 'string') throw new Error(`${label}: field "${customId}" takes a string`);
  const size = [...value].length;
  if (size === 0) {
    if (input.required !== false) throw new Error(`${label}: field "${customId}" is required and empty`);
    return value;
  }
  const min = typeof input.min_length === 'number' ? input.min_length : 0;
  const max = typeof input.max_length === 'number' ? input.max_length : 4000;
  if (size < min || size > max) {
    throw new Error(`${label}: field "${customId}" is ${size} characters (allowed ${min}–${max})`);
  }
  if (input.style === TextInputStyle.Short && /[\r\n]/.test(value)) {
    throw new Error(`${label}: field "${customId}" is a short (one-line) input and cannot hold a line break`);
  }
  return value;
}

/**
 * MODAL_SUBMIT `data` for this modal: each text input with the value given, else its prefilled value, else ''.
 * Throws for unknown fields and for values Discord's client would not let the user submit.
 */
export function modalSubmission(
  modal: Body,
  values: Readonly<Record<string, string>>,
  label: string,
): { custom_id: string; components: Body[] } {
  const known = textInputs(modal).map((input) => String(input.custom_id));
  for (const name of Object.keys(values)) {
    if (!known.includes(name)) {
      throw new Error(`${label} has no text input "${name}" (it has: ${known.join(', ') || 'none'})`);
    }
  }
  const submitInput = (input: Body): Body => ({
    type: ComponentType.TextInput,
    id: input.id,
    custom_id: input.custom_id,
    value: submittedValue(input, values[String(input.custom_id)], label),
  });
  const components = withIds(
    (Array.isArray(modal.components) ? (modal.components as unknown[]) : []).filter(isBody),
  ).map((component): Body => {
    if (component.type === ComponentType.ActionRow) {
      return {
        type: ComponentType.ActionRow,
        id: component.id,
        components: children(component).map(submitInput),
      };
    }
    if (component.type === ComponentType.Label && isBody(component.component)) {
      return { type: ComponentType.Label, id: component.id, component: submitInput(component.component) };
    }
    return { type: component.type, id: component.id };
  });
  return { custom_id: String(modal.custom_id), components };
}
