import { describe, expect, it, vi } from 'vitest';
import { createPasteContactModel } from '../../../src/ui/sidebar/paste-contact-model';

describe('paste-a-contact model', () => {
  it('opens the form with what it read, then empties the box', async () => {
    const open = vi.fn(() => true);
    const paste = createPasteContactModel({ defaultCountry: 'FR', open });
    paste.edit('Marie Dupont\nPortable : 06 12 34 56 78\nmarie@dupont.example');
    await paste.read();
    expect(open).toHaveBeenCalledWith(
      { name: 'Marie Dupont', email: 'marie@dupont.example', phone: '06 12 34 56 78' },
      0,
    );
    expect(paste.text.value).toBe('');
    expect(paste.problem.value).toBeNull();
  });

  it('says why when nothing is read, keeps the text, and forgets the reason once the text changes', async () => {
    const open = vi.fn(() => true);
    const paste = createPasteContactModel({ defaultCountry: 'US', open });
    await paste.read();
    expect(paste.problem.value).toBe('Paste a vCard or the contact’s details first.');
    paste.edit('see you on Monday at the warehouse for the annual stock count');
    await paste.read();
    expect(open).not.toHaveBeenCalled();
    expect(paste.problem.value).toBe('No name, email or phone number found in the pasted text.');
    expect(paste.text.value).toBe('see you on Monday at the warehouse for the annual stock count');
    paste.edit('jane@example.com');
    expect(paste.problem.value).toBeNull();
  });

  it('keeps the text when the form could not open', async () => {
    const paste = createPasteContactModel({ defaultCountry: 'US', open: () => false });
    paste.edit('jane@example.com');
    await paste.read();
    expect(paste.text.value).toBe('jane@example.com');
  });

  it('passes on how many more vCards were pasted', async () => {
    const open = vi.fn(() => true);
    const paste = createPasteContactModel({ defaultCountry: 'US', open });
    const card = (name: string) => `BEGIN:VCARD\nVERSION:3.0\nFN:${name}\nEND:VCARD\n`;
    paste.edit(card('One') + card('Two') + card('Three'));
    await paste.read();
    expect(open).toHaveBeenCalledWith({ name: 'One' }, 2);
  });
});
