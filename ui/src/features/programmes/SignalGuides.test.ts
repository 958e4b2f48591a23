// The branch's conversation guides: each rule opens on its own with its guide in a form; saving
// sends the branch's words, a refusal shows at its field, and a rewritten guide can go back.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal } from '../../test/fakeBackend';
import SignalGuides from './SignalGuides.svelte';

beforeEach(() => applyLanguage('nl'));

describe('signal guides', () => {
  it('opens a rule with its guide and saves the branch’s own words', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalGuides);
    const toggles = await screen.findAllByTestId('guide-toggle');
    expect(toggles.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['▸ Meer uren dan afgesproken', '▸ Stil geworden']);
    await userEvent.click(toggles[0]!);
    expect(toggles[0]!.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByTestId('guide-form');
    expect((within(form).getByTestId('guide-questions-input') as HTMLTextAreaElement).value).toBe(
      'Hoe komt het dat het meer uren zijn geworden?\nVoelt het nog goed?',
    );
    const why = within(form).getByLabelText('Waarom het ertoe doet') as HTMLTextAreaElement;
    await userEvent.clear(why);
    await userEvent.type(why, 'Bij ons: let op de winter.');
    await userEvent.click(within(form).getByTestId('guide-save'));
    expect(backend.setSignalGuide).toHaveBeenCalledWith({
      rule: 'hours_over_agreement',
      why: 'Bij ons: let op de winter.',
      questions: 'Hoe komt het dat het meer uren zijn geworden?\nVoelt het nog goed?',
      professional: 'Als de uren komen door taken die bij een professional horen.',
    });
    expect(await screen.findByTestId('guide-edited')).toBeTruthy();
    expect(within(form).getByTestId('guide-done').textContent).toBe('Opgeslagen.');

    await userEvent.click(within(form).getByTestId('guide-reset'));
    expect(backend.setSignalGuide).toHaveBeenLastCalledWith({ rule: 'hours_over_agreement', why: '', questions: '', professional: '' });
    expect(screen.queryByTestId('guide-edited')).toBeNull();
  });

  it('shows every refused field at its field, the first focused', async () => {
    setBackend(
      fakeBackend({
        setSignalGuide: async () => {
          throw refusal({
            field: 'why',
            message: 'Vul waarom het ertoe doet in.',
            also: [{ field: 'questions', reason: 'required', message: 'Schrijf minstens één vraag, één per regel.', messageEn: 'Write at least one question.' }],
          });
        },
      }),
    );
    render(SignalGuides);
    await userEvent.click((await screen.findAllByTestId('guide-toggle'))[1]!);
    await userEvent.click(screen.getByTestId('guide-save'));
    expect((await screen.findByTestId('guide-error-why')).textContent).toContain('Vul waarom het ertoe doet in.');
    expect(screen.getByTestId('guide-error-questions').textContent).toContain('Schrijf minstens één vraag');
    expect(document.activeElement?.id).toBe('guide-gone_quiet-why');
  });

  it('says it in English', async () => {
    applyLanguage('en');
    setBackend(fakeBackend());
    render(SignalGuides);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Conversation guides for signals');
    await userEvent.click((await screen.findAllByTestId('guide-toggle'))[0]!);
    expect((screen.getByLabelText('Why it matters') as HTMLTextAreaElement).value).toBe(
      'More hours than agreed is often the first sign that someone is taking on too much.',
    );
  });
});
