import { shownText, type RecipeDraft } from '../../src/adapters/taught';
import { draftRecipe, learnField } from '../../src/adapters/teach-recipe';
import { errorMessage } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import { messageTable } from '../../src/domain/message-table';

/** The fields the user clicks, in order, then naming the recipe. */
export type TeachStep = 'name' | 'email' | 'phone' | 'externalId' | 'save';
type PickStep = Exclude<TeachStep, 'save'>;

export const PROMPTS = messageTable<TeachStep>({
  name: 'teach_prompt_name',
  email: 'teach_prompt_email',
  phone: 'teach_prompt_phone',
  externalId: 'teach_prompt_external_id',
  save: 'teach_prompt_save',
});

const STEPS = Object.keys(PROMPTS) as TeachStep[];

const FIELD_NAMES = messageTable<PickStep>({
  name: 'teach_field_name',
  email: 'teach_field_email',
  phone: 'teach_field_phone',
  externalId: 'teach_field_external_id',
});

export interface TeachState<T> {
  step: TeachStep;
  picks: Partial<Record<PickStep, T>>;
}

export type TeachEvent<T> = { type: 'pick'; element: T } | { type: 'skip' };

export const FIRST_STEP: TeachState<never> = { step: 'name', picks: {} };

/** Every field but the name may be skipped. */
export const canSkip = (step: TeachStep) => step !== 'name' && step !== 'save';

/** The step machine, pure so it is tested without a page: a pick or a skip moves to the next step. */
export function teachStep<T>(state: TeachState<T>, event: TeachEvent<T>): TeachState<T> {
  const { step } = state;
  if (step === 'save' || (event.type === 'skip' && !canSkip(step))) return state;
  const next = STEPS[STEPS.indexOf(step) + 1] ?? 'save';
  const picks = event.type === 'pick' ? { ...state.picks, [step]: event.element } : state.picks;
  return { step: next, picks };
}

const STYLE = `
:host{all:initial}
.box,.dialog{position:fixed;z-index:2147483647}
.box{pointer-events:none;outline:2px solid #1d4ed8;background:#1d4ed822}
.dialog{left:16px;bottom:16px;width:300px;padding:12px;font:14px/1.4 system-ui,sans-serif;color:#0f172a;
background:#fff;border:1px solid #94a3b8;border-radius:8px}
p,ul{margin:0 0 8px;overflow-wrap:anywhere}
p:empty,ul:empty{display:none}
.prompt{font-weight:600}
.problem{color:#b91c1c}
input{display:block;width:100%;box-sizing:border-box;margin:4px 0 8px}
button{margin-right:6px}
@media (prefers-color-scheme:dark){.dialog{color:#e2e8f0;background:#0f172a;border-color:#7b8aa0}
.box{outline-color:#93c5fd;background:#93c5fd33}.problem{color:#fca5a5}}
`;

export interface TeachPickerOptions {
  doc: Document;
  url: URL;
  onDone(draft: RecipeDraft): void;
  onCancel(): void;
}

/**
 * Teach mode on the page: a floating prompt in a closed shadow root asks for the customer's name,
 * email, phone and id in turn, outlining the element under the pointer and taking the page's
 * clicks (so links do not navigate), then for the recipe's name. Plain DOM, no framework.
 *
 * The picker removes itself before calling `onDone` or `onCancel`; the returned function removes
 * it early, and may be called again harmlessly.
 */
export function startTeachPicker({ doc, url, onDone, onCancel }: TeachPickerOptions): () => void {
  const win = doc.defaultView as Window;
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<HTMLElementTagNameMap[K]> = {},
  ): HTMLElementTagNameMap[K] => Object.assign(doc.createElement(tag), props);

  const host = doc.createElement('tally-teach');
  const root = host.attachShadow({ mode: 'closed' });
  const box = make('div', { className: 'box', hidden: true });
  const dialog = make('div', { className: 'dialog', tabIndex: -1 });
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', t('teach_dialog'));
  const prompt = make('p', { className: 'prompt' });
  prompt.setAttribute('aria-live', 'polite');
  const problem = make('p', { className: 'problem' });
  problem.setAttribute('role', 'alert');
  const picked = make('ul');
  const form = make('form');
  const nameInput = make('input', { type: 'text', required: true, maxLength: 100 });
  const label = make('label', { textContent: t('teach_recipe_name') });
  label.append(nameInput);
  form.append(
    label,
    make('button', { type: 'submit', className: 'save', textContent: t('teach_save_recipe') }),
  );
  const skip = make('button', { type: 'button', textContent: t('teach_skip') });
  const cancel = make('button', { type: 'button', textContent: t('teach_cancel') });
  dialog.append(prompt, problem, picked, form, skip, cancel);
  root.append(make('style', { textContent: STYLE }), box, dialog);

  let state: TeachState<Element> = FIRST_STEP;
  let hovered: Element | null = null;

  const render = () => {
    prompt.textContent = PROMPTS[state.step];
    skip.hidden = !canSkip(state.step);
    form.hidden = state.step !== 'save';
    picked.replaceChildren(
      ...Object.entries(state.picks).map(([field, element]) =>
        make('li', { textContent: t('teach_picked', FIELD_NAMES[field as PickStep], shownText(element)) }),
      ),
    );
    outline();
  };

  // An overlay drawn from the element's box: the page's own elements are never restyled.
  const outline = () => {
    box.hidden = !hovered || state.step === 'save';
    if (box.hidden || !hovered) return;
    const { top, left, width, height } = hovered.getBoundingClientRect();
    Object.assign(box.style, {
      top: `${top}px`,
      left: `${left}px`,
      width: `${width}px`,
      height: `${height}px`,
    });
  };

  /** A page element the user may pick: not Tally's own prompt, launcher or sidebar. */
  const pickable = (target: EventTarget | null): target is Element =>
    !!target &&
    typeof (target as Element).closest === 'function' &&
    (target as Element).getRootNode() === doc &&
    !(target as Element).closest('tally-teach, tally-launcher');

  const advance = (event: TeachEvent<Element>) => {
    problem.textContent = '';
    state = teachStep(state, event);
    if (state.step === 'save') {
      try {
        nameInput.value = draftRecipe(url, state.picks, doc).name;
      } catch (error) {
        problem.textContent = errorMessage(error);
      }
      render();
      nameInput.focus();
      nameInput.select();
    } else {
      render();
    }
  };

  const pick = (element: Element) => {
    if (state.step === 'save') return;
    try {
      // Checked now, so the user can click again rather than learn at the end that it failed.
      learnField(state.step, element, doc, url);
    } catch (error) {
      problem.textContent = errorMessage(error);
      return;
    }
    advance({ type: 'pick', element });
  };

  // Captured at the window before the page sees them: a click picks, and never follows a link
  // or triggers the back office's own handlers.
  const swallow = (event: Event) => {
    if (!pickable(event.target)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') pick(event.target);
  };
  const listeners: [string, (event: Event) => void][] = [
    ...['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick'].map(
      (type): [string, (event: Event) => void] => [type, swallow],
    ),
    [
      'mouseover',
      (event) => {
        hovered = pickable(event.target) ? event.target : null;
        outline();
      },
    ],
    ['scroll', outline],
    [
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key !== 'Escape') return;
        event.preventDefault();
        event.stopImmediatePropagation();
        finish(onCancel);
      },
    ],
  ];

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
    host.remove();
  };
  const finish = (then: () => void) => {
    stop();
    then();
  };

  skip.addEventListener('click', () => advance({ type: 'skip' }));
  cancel.addEventListener('click', () => finish(onCancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const draft = draftRecipe(url, state.picks, doc, nameInput.value);
      finish(() => onDone(draft));
    } catch (error) {
      problem.textContent = errorMessage(error);
    }
  });

  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  doc.documentElement.append(host);
  render();
  dialog.focus();
  return stop;
}
