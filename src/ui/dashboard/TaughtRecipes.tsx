import { useEffect, useRef } from 'preact/hooks';
import type { Recipe } from '../../adapters/taught';
import { CONTACT_FIELD_NAMES, type FieldChange } from '../../domain/contact-event';
import { t } from '../../domain/i18n';
import { formatInstant } from '../../domain/locale-format';
import { ErrorMessage } from '../ErrorMessage';
import { FileButton } from '../FileButton';
import type { RecipesModel } from './recipes-model';

const fieldsRead = (recipe: Recipe) =>
  Object.keys(recipe.fields)
    .map((field) => CONTACT_FIELD_NAMES[field as FieldChange['field']] ?? field)
    .join(', ');

/** The back-office pages the user taught Tally to read, with their export and import. */
export function TaughtRecipes(props: { model: RecipesModel }) {
  const { model } = props;
  const recipes = model.recipes.value;
  return (
    <section aria-labelledby="recipes-heading" class="card">
      <h2 id="recipes-heading">{t('dashboard_taught_recipes')}</h2>
      <p class="muted">{t('dashboard_taught_recipes_about')}</p>
      <div class="actions">
        <button type="button" onClick={model.exportRecipes} disabled={recipes.length === 0}>
          {t('dashboard_export_recipes')}
        </button>
        <FileButton
          accept=".json,application/json"
          class="secondary"
          disabled={model.busy.value}
          onFile={(file) => void model.importFile(file)}
        >
          {t('dashboard_import_recipes')}
        </FileButton>
      </div>
      <ErrorMessage message={model.error.value} />
      {model.status.value ? (
        <p role="status" class="notice">
          {model.status.value}{' '}
          {model.deleted.value ? (
            <button type="button" class="link" onClick={() => void model.undoDelete()}>
              {t('dashboard_undo')}
            </button>
          ) : null}
        </p>
      ) : null}
      {recipes.length === 0 ? (
        <p class="muted">{t('dashboard_no_recipes')}</p>
      ) : (
        <ul aria-label={t('dashboard_recipes')} class="recipes">
          {recipes.map((recipe) => (
            <RecipeItem key={recipe.id} model={model} recipe={recipe} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecipeItem(props: { model: RecipesModel; recipe: Recipe }) {
  const { model, recipe } = props;
  const renaming = model.renaming.value?.id === recipe.id ? model.renaming.value : null;
  const headingId = `recipe-${recipe.id}`;
  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{recipe.name}</h3>
        <dl class="fields">
          <dt>{t('dashboard_recipe_site')}</dt>
          <dd>{recipe.origin}</dd>
          <dt>{t('dashboard_recipe_pages')}</dt>
          <dd>
            <code>{recipe.pathPattern}</code>
          </dd>
          <dt>{t('dashboard_recipe_reads')}</dt>
          <dd>{fieldsRead(recipe)}</dd>
          <dt>{t('dashboard_recipe_last_updated')}</dt>
          <dd>
            <time dateTime={recipe.updatedAt}>{formatInstant(recipe.updatedAt)}</time>
          </dd>
        </dl>
        {renaming ? (
          <RenameForm model={model} id={recipe.id} name={renaming.name} />
        ) : (
          <div class="row-actions">
            <button type="button" class="secondary" onClick={() => model.startRename(recipe.id)}>
              {t('dashboard_rename')}
            </button>
            <button type="button" class="secondary" onClick={() => void model.remove(recipe.id)}>
              {t('dashboard_delete')}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

function RenameForm(props: { model: RecipesModel; id: string; name: string }) {
  const { model, id } = props;
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <form
      class="inline"
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveRename();
      }}
    >
      <label>
        {t('dashboard_recipe_name')}
        <input
          ref={field}
          type="text"
          maxLength={100}
          value={props.name}
          onInput={(event) => (model.renaming.value = { id, name: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') model.cancelRename();
          }}
        />
      </label>
      <button type="submit">{t('dashboard_save')}</button>
      <button type="button" class="secondary" onClick={model.cancelRename}>
        {t('dashboard_cancel')}
      </button>
    </form>
  );
}
