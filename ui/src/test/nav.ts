// Going to a screen through the header menu as a person does: the links under Beheer (Projecten,
// Veiligheid, Privacy, Gegevens, Over Draagkracht) are hidden until Beheer is opened. The
// end-to-end harness (tests/e2e/harness.rs, `Session::click`) does the same for the real window.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

/** Clicks the menu link `testid` (`nav-safety`), opening Beheer first when the link is in it. */
export async function clickNav(testid: string): Promise<void> {
  const link = screen.getByTestId(testid);
  if (link.closest('[hidden]')) await userEvent.click(screen.getByTestId('nav-manage'));
  if (link.closest('[hidden]')) throw new Error(`${testid} is still hidden after opening Beheer`);
  await userEvent.click(link);
}
