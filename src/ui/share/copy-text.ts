/**
 * Copies text with the asynchronous Clipboard API. Resolves false where there is none, or where the browser
 * refuses (no permission, an insecure context, a page without focus): the caller then shows the text in a
 * selected read-only field for the user to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || typeof navigator.clipboard?.writeText !== 'function')
      return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
