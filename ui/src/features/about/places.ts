// Where the data is: the folder a file is in, as the Rust side names it (`Path::parent`), so that
// "Map openen" beside the database opens the folder that holds it. Both `/` and `\` separate
// (Linux and macOS, Windows).

/** The folder holding `file`: `/home/anna/x/db.sqlite` → `/home/anna/x`, `C:\x\db.sqlite` → `C:\x`. */
export function folderOf(file: string): string {
  const trimmed = file.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return '.';
  const folder = trimmed.slice(0, cut);
  // The root itself: `/db.sqlite` → `/`, `C:\db.sqlite` → `C:\`.
  if (folder === '' || /^[A-Za-z]:$/.test(folder)) return trimmed.slice(0, cut + 1);
  return folder;
}
