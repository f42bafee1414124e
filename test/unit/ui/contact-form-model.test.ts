import { describe, expect, it, vi } from 'vitest';
import type { ContactFields } from '../../../src/domain/contact-edit';
import { createContactFormModel, draftOf, fieldsOf } from '../../../src/ui/contacts/contact-form-model';
import { makeContact } from '../../support/contacts';

describe('contact form model', () => {
  it('starts from the contact, and gives back the same fields unchanged', () => {
    const contact = makeContact({
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0958',
      address: { line1: '12 St James Square', postalCode: '0042' },
      tags: ['vip', 'wholesale'],
      externalIds: [{ backOffice: 'northwind', id: 'C-1' }],
    });
    const draft = draftOf(contact);
    expect(draft.tags).toBe('vip, wholesale');
    expect(draft.address.city).toBe('');
    const save = vi.fn(async (fields: ContactFields) => ({ ...contact, ...fields }));
    const form = createContactFormModel({ contact, save, onSaved: () => undefined });
    expect(form.editing).toBe(true);
    expect(fieldsOf(form.draft.value)).toMatchObject({
      tags: ['vip', ' wholesale'],
      address: { postalCode: '0042' },
    });
  });

  it('marks each bad field and saves nothing', async () => {
    const save = vi.fn();
    const form = createContactFormModel({ save, onSaved: () => undefined });
    form.update({ name: '  ', email: 'ada@' });
    await form.save();
    expect(form.problems.value).toEqual({
      name: 'A contact needs a name.',
      email: 'This is not an email address.',
    });
    expect(save).not.toHaveBeenCalled();
  });

  it('adds a back-office id only with both parts, and removes it again', () => {
    const form = createContactFormModel({ save: vi.fn(), onSaved: () => undefined });
    form.newId.value = { backOffice: 'pos', id: ' ' };
    form.addExternalId();
    expect(form.error.value).toBe('Give both the back office and the id it has there.');
    expect(form.draft.value.externalIds).toEqual([]);
    form.newId.value = { backOffice: ' pos ', id: ' 42 ' };
    form.addExternalId();
    expect(form.error.value).toBeNull();
    expect(form.draft.value.externalIds).toEqual([{ backOffice: 'pos', id: '42' }]);
    expect(form.newId.value).toEqual({ backOffice: '', id: '' });
    form.removeExternalId({ backOffice: 'pos', id: '42' });
    expect(form.draft.value.externalIds).toEqual([]);
  });

  it('shows a failed save as a message and keeps the draft', async () => {
    const form = createContactFormModel({
      save: () => Promise.reject(new Error('the disk is full')),
      onSaved: () => undefined,
    });
    form.update({ name: 'Ada' });
    await form.save();
    expect(form.error.value).toBe('The contact was not saved: the disk is full');
    expect(form.draft.value.name).toBe('Ada');
    expect(form.busy.value).toBe(false);
  });
});
