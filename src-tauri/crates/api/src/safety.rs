//! Data safety as the coordinator meets it: the database behind a passphrase (or, chosen
//! explicitly, without one), unlocking and locking, changing the passphrase, and backups — made
//! daily, before migrations, on demand and before a restore; each one checked; restorable.
//!
//! [`Gate`] is what the shell and the CLI hold: the database file and, once unlocked, the open
//! [`Draagkracht`]. Nothing here touches a window, so every path is tested headlessly.

use crate::error::wrong_passphrase;
use crate::wire::{
    AccessState, BackupInfo, BackupKind, BackupSettings, ChangePassphraseInput, DatabaseAccess, MakeRecoveryCodeInput,
    NewDatabaseInput, RecoverInput, RecoveryCodeMade, RestoreFileInput, RestoreInput,
};
use crate::{ApiError, Draagkracht, ErrorCode};
use chrono::Local;
use draagkracht_core::{Field, Refusal, RefusalCode};
use draagkracht_store::backup::{self, BackupFile};
use draagkracht_store::crypt::{is_plain_sqlite, CryptError, MIN_PASSPHRASE_CHARS};
use draagkracht_store::recovery::{RecoveryCode, RecoveryFile};
use draagkracht_store::{settings, DbKey, KdfFile, KdfParams, StoreError};
use std::path::{Path, PathBuf};

/// The folder beside the database that holds its backups.
pub const BACKUP_FOLDER: &str = "backups";
/// The setting holding the second backup location (a folder on a USB stick).
const SECOND_LOCATION: &str = "backup_second_location";

/// The database file, its backups, and the open database once unlocked.
#[derive(Debug)]
pub struct Gate {
    path: PathBuf,
    backups: PathBuf,
    open: Option<Draagkracht>,
    /// Why the database cannot be used, when it is damaged or unavailable.
    problem: Option<(AccessState, ApiError)>,
    /// An exclusive lock on `<file>.lock` while this gate lives: a second window (or a CLI run)
    /// on the same database is refused instead of writing beside the first. The operating system
    /// releases it when the process ends, however it ends.
    _exclusive: Option<std::fs::File>,
    /// Why the last copy to the second backup location failed, if it did.
    last_copy_problem: Option<String>,
    /// The day's backup, copied at start and being checked (`integrity_check`, most of a second on
    /// a branch) on a thread of its own, so the first screen need not wait for it. Everything that
    /// reads or writes the backup folder settles it first.
    checking: Option<std::thread::JoinHandle<Result<SecondCopy, StoreError>>>,
}

impl Gate {
    /// Looks at the database at `path`: opens a plain one straight away; an encrypted one waits
    /// for [`Gate::unlock`]; a missing one waits for [`Gate::create`].
    pub fn new(path: &Path) -> Self {
        let backups = path.parent().unwrap_or(Path::new(".")).join(BACKUP_FOLDER);
        let mut gate = Self {
            path: path.to_path_buf(),
            backups,
            open: None,
            problem: None,
            _exclusive: None,
            last_copy_problem: None,
            checking: None,
        };
        match exclusive(path) {
            Ok(file) => gate._exclusive = Some(file),
            Err(e) => {
                gate.problem = Some((AccessState::Unavailable, e));
                return gate;
            }
        }
        if gate.path.exists() && !KdfFile::beside(&gate.path).exists() {
            gate.finish_opening(None);
        }
        gate
    }

    pub fn access(&self) -> DatabaseAccess {
        let exists = self.path.exists();
        // An open database is not opened a second time to look (that would drop SQLite's locks).
        let encrypted = match &self.open {
            Some(app) => app.key.is_some(),
            None => exists && !is_plain_sqlite(&self.path),
        };
        let (state, problem) = match (&self.problem, &self.open, exists) {
            (Some((state, e)), ..) => (*state, Some(e.clone())),
            (None, Some(_), _) => (AccessState::Open, None),
            (None, None, false) => (AccessState::New, None),
            (None, None, true) => (AccessState::Locked, None),
        };
        // Every backup was checked when it was written; the newest is offered (an encrypted one asks
        // for its passphrase when restored).
        let latest_backup = matches!(state, AccessState::Damaged)
            .then(|| backup::list(&self.backups).into_iter().next())
            .flatten()
            .map(info);
        let recovery_code_made_on =
            encrypted.then(|| RecoveryFile::beside(&self.path).created_on()).flatten().map(|d| d.to_string());
        DatabaseAccess {
            state,
            encrypted,
            database_path: self.path.display().to_string(),
            problem,
            latest_backup,
            recovery_code_made_on,
        }
    }

    /// The open database, or `locked` when it waits for its passphrase.
    pub fn app(&mut self) -> Result<&mut Draagkracht, ApiError> {
        if let Some((_, e)) = &self.problem {
            return Err(e.clone());
        }
        self.open.as_mut().ok_or_else(|| {
            ApiError::new(
                ErrorCode::Locked,
                "De gegevens zijn vergrendeld. Vul eerst je wachtwoordzin in.",
                "The data is locked. Please enter your passphrase first.",
            )
        })
    }

    /// First start: a new database with a passphrase (typed twice), or explicitly without one.
    pub fn create(&mut self, input: &NewDatabaseInput) -> Result<DatabaseAccess, ApiError> {
        self.not_shut_out()?;
        if self.path.exists() {
            return Ok(self.access());
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| storage(&e.to_string()))?;
        }
        let kdf = KdfFile::beside(&self.path);
        kdf.remove(); // left over from a first start that did not finish
                      // A recovery code of an earlier database here must never open this one.
        RecoveryFile::beside(&self.path).remove();
        let key = match &input.passphrase {
            None => None,
            Some(passphrase) => {
                check_new_passphrase(passphrase, input.repeat.as_deref().unwrap_or_default())?;
                let params = KdfParams::generate();
                let key = params.derive(passphrase).map_err(|e| storage(&e.to_string()))?;
                // The parameters first: a database without them could never be opened again.
                kdf.write_current(&params).map_err(|e| storage(&e.to_string()))?;
                Some(key)
            }
        };
        match Draagkracht::open_with(&self.path, key, Some(&self.backups)) {
            Ok(app) => self.open = Some(app),
            Err(e) => {
                kdf.remove();
                return Err(e);
            }
        }
        Ok(self.access())
    }

    /// Opens the encrypted database with its passphrase. A wrong one changes nothing.
    pub fn unlock(&mut self, passphrase: &str) -> Result<DatabaseAccess, ApiError> {
        self.not_shut_out()?;
        if self.open.is_some() || !self.path.exists() {
            return Ok(self.access());
        }
        let kdf = KdfFile::beside(&self.path);
        let candidates = kdf.candidates().map_err(|e| storage(&e.to_string()))?;
        for (i, params) in candidates.iter().enumerate() {
            let key = params.derive(passphrase).map_err(|e| storage(&e.to_string()))?;
            if backup::check_key(&self.path, &key) {
                if i > 0 {
                    // A passphrase change was cut off after the rekey: finish it.
                    kdf.promote_next().map_err(|e| storage(&e.to_string()))?;
                } else {
                    kdf.discard_next();
                }
                self.finish_opening(Some(key));
                return match &self.problem {
                    Some((AccessState::Unavailable, e)) => Err(e.clone()),
                    _ => Ok(self.access()),
                };
            }
        }
        Err(wrong_passphrase(Field::Passphrase))
    }

    /// Closes the database and forgets its key; it opens again only with the passphrase.
    pub fn lock(&mut self) -> DatabaseAccess {
        self.settle_backup();
        if self.open.as_ref().is_some_and(|app| app.key.is_some()) {
            self.open = None;
        }
        self.access()
    }

    /// Changes the passphrase (or sets a first one on a plain database), keeping every record.
    pub fn change_passphrase(&mut self, input: &ChangePassphraseInput) -> Result<(), ApiError> {
        check_new_passphrase(&input.passphrase, &input.repeat)?;
        match self.app()?.key {
            Some(_) => {
                self.check_passphrase(&input.current, Field::CurrentPassphrase)?;
                self.rekey(&input.passphrase)?;
            }
            None => {
                let app = self.app()?;
                let new_key = KdfParams::generate().derive(&input.passphrase).map_err(|e| storage(&e.to_string()))?;
                // Encrypting a plain database: an encrypted, checked copy takes its place. A plain
                // database has no recovery code; a file left from an earlier one must not seal this key.
                RecoveryFile::beside(&app.path).remove();
                let encrypted = app.path.with_extension("encrypting");
                let _ = std::fs::remove_file(&encrypted);
                backup::encrypted_copy(app.db.conn(), &encrypted, &new_key)?;
                let path = app.path.clone();
                self.open = None;
                let replaced = backup::replace_database(&encrypted, &path, Some(&new_key));
                let _ = std::fs::remove_file(&encrypted);
                KdfFile::beside(&encrypted).remove();
                replaced?;
                self.finish_opening(Some(new_key));
            }
        }
        Ok(())
    }

    /// Errs with `wrong_passphrase(field)` unless `typed` is the open database's passphrase.
    fn check_passphrase(&mut self, typed: &str, field: Field) -> Result<(), ApiError> {
        let current = self.app()?.key.clone().ok_or_else(|| wrong_passphrase(field))?;
        let key = current.params().derive(typed).map_err(|e| storage(&e.to_string()))?;
        if key.same_as(&current) {
            Ok(())
        } else {
            Err(wrong_passphrase(field))
        }
    }

    /// Re-encrypts the open, encrypted database under a new passphrase. The new parameters (and
    /// the new key, sealed for the recovery code) are written beside the old ones first and the old
    /// ones dropped after the rekey, so a crash in between leaves a database that opens.
    fn rekey(&mut self, passphrase: &str) -> Result<(), ApiError> {
        let app = self.app()?;
        let kdf = KdfFile::beside(&app.path);
        let recovery = RecoveryFile::beside(&app.path);
        let old_key = app.key.clone();
        let params = KdfParams::generate();
        let new_key = params.derive(passphrase).map_err(|e| storage(&e.to_string()))?;
        kdf.write_next(&params).map_err(|e| storage(&e.to_string()))?;
        recovery.add_key(&new_key).map_err(|e| storage(&e.to_string()))?;
        if let Err(e) = app.db.rekey(&new_key) {
            kdf.discard_next();
            if let Some(old) = &old_key {
                let _ = recovery.keep_only(old);
            }
            return Err(e.into());
        }
        app.key = Some(new_key.clone());
        // The database is under the new key now. Should tidying the key files fail, the next unlock
        // still finds the new parameters (and the code the new key) beside the old ones.
        kdf.promote_next().and_then(|_| recovery.keep_only(&new_key)).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("De nieuwe wachtwoordzin werkt, maar een sleutelbestand kon niet worden bijgewerkt: {e}."),
                format!("The new passphrase works, but a key file could not be updated: {e}."),
            )
        })
    }

    /// A new recovery code for the open, encrypted database, after its passphrase; an earlier code
    /// stops working. The code is returned once, to be written down or printed.
    pub fn make_recovery_code(&mut self, input: &MakeRecoveryCodeInput) -> Result<RecoveryCodeMade, ApiError> {
        if self.app()?.key.is_none() {
            return Err(ApiError::from(Refusal::new(
                Field::Passphrase,
                RefusalCode::NotAllowed,
                "Deze gegevens hebben geen wachtwoordzin, dus ook geen herstelcode. Stel eerst een wachtwoordzin in.",
                "This data has no passphrase, so no recovery code either. Please set a passphrase first.",
            )));
        }
        self.check_passphrase(&input.passphrase, Field::Passphrase)?;
        let key = self.app()?.key.clone().ok_or_else(|| wrong_passphrase(Field::Passphrase))?;
        let today = Local::now().date_naive();
        let code = RecoveryFile::beside(&self.path).create(&key, today).map_err(|e| storage(&e.to_string()))?;
        Ok(RecoveryCodeMade { code: code.grouped().to_string(), made_on: today.to_string() })
    }

    /// A forgotten passphrase: the recovery code opens the locked database, which gets the new
    /// passphrase straight away. A malformed or wrong code changes nothing.
    pub fn recover(&mut self, input: &RecoverInput) -> Result<DatabaseAccess, ApiError> {
        self.not_shut_out()?;
        if self.open.is_some() || !self.path.exists() {
            return Ok(self.access());
        }
        let code = parse_code(&input.code)?;
        check_new_passphrase(&input.passphrase, &input.repeat)?;
        let key = key_from_code(&self.path, &code)?;
        // Open, give it the new passphrase, and only then make the day's backup (under the new key).
        self.open_database(Some(key));
        if let Some((_, e)) = &self.problem {
            return Err(e.clone());
        }
        if let Err(e) = self.rekey(&input.passphrase) {
            self.open = None;
            return Err(e);
        }
        self.begin_daily_backup();
        Ok(self.access())
    }

    /// The backups, newest first.
    pub fn backups(&mut self) -> Vec<BackupInfo> {
        self.backup_files().into_iter().map(info).collect()
    }

    /// A checked backup at a path of one's choosing (the CLI's `backup --out`), with its key
    /// parameters beside it when encrypted.
    pub fn backup_to(&mut self, out: &Path) -> Result<(), ApiError> {
        if out.exists() {
            return Err(storage(&format!("{} exists already; choose a new file name", out.display())));
        }
        self.app()?.backup_to(out)
    }

    /// A backup now, checked.
    pub fn make_backup(&mut self) -> Result<BackupInfo, ApiError> {
        self.settle_backup();
        let backups = self.backups.clone();
        let app = self.app()?;
        let path = backup::write_new(&app.db, &backups, BackupKind::Manual, app.key.as_ref())?;
        self.copy_to_second_location(&path);
        self.backup_files().into_iter().find(|b| b.path == path).map(info).ok_or_else(|| storage("backup missing"))
    }

    /// Restores a backup after saving the current database as a backup of its own. The backup is
    /// checked first; when it does not open or fails its check, nothing changes.
    pub fn restore(&mut self, input: &RestoreInput) -> Result<DatabaseAccess, ApiError> {
        let chosen = self.backup_files().into_iter().find(|b| b.file == input.file).ok_or_else(|| {
            ApiError::from(Refusal::new(
                Field::Backup,
                RefusalCode::Unknown,
                "Deze back-up bestaat niet (meer). Kies een andere.",
                "This backup does not exist (any more). Please choose another.",
            ))
        })?;
        if let Some(code) = input.recovery_code.as_deref().filter(|c| !c.trim().is_empty()) {
            if chosen.encrypted {
                let new = input.new_passphrase.as_deref().unwrap_or_default();
                return self.restore_with_code(&chosen.path, code, new, input.repeat.as_deref().unwrap_or_default());
            }
        }
        let key = match input.passphrase.as_deref().filter(|p| !p.is_empty()) {
            Some(passphrase) if chosen.encrypted => Some(backup_key(&chosen.path, passphrase)?),
            _ => self.key_for_check(&chosen).ok_or_else(|| ApiError {
                message: "Deze back-up is gemaakt met een eerdere wachtwoordzin. Vul die in om hem terug te zetten."
                    .into(),
                message_en: "This backup was made with an earlier passphrase. Enter it to restore the backup.".into(),
                ..wrong_passphrase(Field::Passphrase)
            })?,
        };
        self.restore_checked(&chosen.path, key)
    }

    /// Restores an encrypted backup whose passphrase is forgotten with the recovery code (kept beside
    /// every backup made since the code), and gives the restored database a new passphrase at once.
    /// A malformed or wrong code, or a refused new passphrase, changes nothing.
    pub fn restore_with_code(
        &mut self,
        source: &Path,
        code: &str,
        passphrase: &str,
        repeat: &str,
    ) -> Result<DatabaseAccess, ApiError> {
        let code = parse_code(code)?;
        check_new_passphrase(passphrase, repeat)?;
        let key = key_from_code(source, &code)?;
        self.restore_checked(source, Some(key))?;
        self.rekey(passphrase)?;
        Ok(self.access())
    }

    /// Restores a backup file chosen in the window (from a USB stick, or at the first start on a new
    /// laptop): with the passphrase it was made with, or with the recovery code and a new passphrase.
    pub fn restore_file(&mut self, input: &RestoreFileInput) -> Result<DatabaseAccess, ApiError> {
        let source = PathBuf::from(input.path.trim());
        if !source.is_file() {
            return Err(Refusal::new(
                Field::Path,
                RefusalCode::Unknown,
                "Dit bestand bestaat niet (meer). Is de USB-stick aangesloten? Kies het bestand opnieuw.",
                "This file does not exist (any more). Is the USB stick plugged in? Please choose the file again.",
            )
            .into());
        }
        match input.recovery_code.as_deref().filter(|c| !c.trim().is_empty()) {
            Some(code) if !is_plain_sqlite(&source) => self.restore_with_code(
                &source,
                code,
                input.new_passphrase.as_deref().unwrap_or_default(),
                input.repeat.as_deref().unwrap_or_default(),
            ),
            _ => self.restore_from_file(&source, input.passphrase.as_deref().filter(|p| !p.is_empty())),
        }
    }

    /// Restores a backup file from anywhere (the CLI's `restore --from`): its key parameters beside
    /// it say whether it needs a passphrase.
    pub fn restore_from_file(&mut self, source: &Path, passphrase: Option<&str>) -> Result<DatabaseAccess, ApiError> {
        let key = if is_plain_sqlite(source) {
            None
        } else {
            let passphrase = passphrase.ok_or_else(|| wrong_passphrase(Field::Passphrase))?;
            Some(backup_key(source, passphrase)?)
        };
        self.restore_checked(source, key)
    }

    /// Checks the backup with its key, saves the current database as a backup, puts the backup in
    /// its place and opens it. When the check fails, nothing changes.
    fn restore_checked(&mut self, source: &Path, key: Option<DbKey>) -> Result<DatabaseAccess, ApiError> {
        self.not_shut_out()?;
        self.settle_backup();
        backup::check(source, key.as_ref()).map_err(|e| match e {
            draagkracht_store::StoreError::WrongKey => wrong_passphrase(Field::Passphrase),
            other => ApiError::new(
                ErrorCode::Damaged,
                format!("Deze back-up is beschadigd ({other}) en is niet teruggezet. Er is niets veranderd."),
                format!("This backup is damaged ({other}) and was not restored. Nothing was changed."),
            ),
        })?;
        // Save what is there now, then put the backup in its place.
        match self.open.take() {
            Some(app) => {
                backup::write_new(&app.db, &self.backups, BackupKind::BeforeRestore, app.key.as_ref())?;
            }
            None if self.path.exists() => self.copy_aside()?,
            None => {}
        }
        // The recovery code opens the restored key too (sealed before the file is replaced, so it
        // opens whichever is there after a crash); a plain database has nothing to recover.
        let recovery = RecoveryFile::beside(&self.path);
        if let Some(k) = &key {
            // A database without a code of its own (a new laptop) takes the backup's.
            if recovery.created_on().is_none() {
                RecoveryFile::beside(source).copy_beside(&self.path).map_err(|e| storage(&e.to_string()))?;
            }
            recovery.add_key(k).map_err(|e| storage(&e.to_string()))?;
        }
        backup::replace_database(source, &self.path, key.as_ref())?;
        match &key {
            Some(k) => recovery.keep_only(k).map_err(|e| storage(&e.to_string()))?,
            None => recovery.remove(),
        }
        self.problem = None;
        self.finish_opening(key);
        match &self.problem {
            Some((_, e)) => Err(e.clone()),
            None => Ok(self.access()),
        }
    }

    /// The open database itself, for a caller that needs no gate any more (the CLI).
    pub fn into_app(mut self) -> Result<Draagkracht, ApiError> {
        self.app()?;
        self.settle_backup();
        self.open.take().ok_or_else(|| storage("not open"))
    }

    /// Opens with `key` (or plain), noting damage or unavailability instead of failing, and begins
    /// the day's first backup.
    fn finish_opening(&mut self, key: Option<DbKey>) {
        self.open_database(key);
        self.begin_daily_backup();
    }

    fn open_database(&mut self, key: Option<DbKey>) {
        self.problem = None;
        self.settle_backup();
        match Draagkracht::open_with(&self.path, key, Some(&self.backups)) {
            Ok(app) => self.open = Some(app),
            Err(e) if e.code == ErrorCode::Damaged => self.problem = Some((AccessState::Damaged, e)),
            Err(e) => self.problem = Some((AccessState::Unavailable, e)),
        }
    }

    /// The day's first backup: copied now, then checked (and copied to the second location) on a
    /// thread of its own. A failure must not keep the coordinator out: the next start tries again.
    fn begin_daily_backup(&mut self) {
        let today = Local::now().date_naive();
        if self.backup_files().iter().any(|b| b.kind == BackupKind::Daily && b.created_at.date() == today) {
            return;
        }
        let Some(app) = self.open.as_ref() else { return };
        let second = settings::get(app.db.conn(), SECOND_LOCATION).ok().flatten();
        let Ok(copy) = backup::start_new(&app.db, &self.backups, BackupKind::Daily, app.key.as_ref()) else {
            return;
        };
        self.checking = Some(std::thread::spawn(move || {
            let checked = copy.finish();
            // The check read the whole database through a connection of its own.
            draagkracht_store::trim_heap();
            let path = checked?;
            let problem = second.and_then(|dir| copy_to_folder(&path, &dir).err());
            Ok(SecondCopy { problem })
        }));
    }

    /// Where the data lives: the database file, the automatic backups, and the second backup place
    /// (read when the database is open; a locked one does not say).
    pub fn places(&self) -> (PathBuf, PathBuf, Option<PathBuf>) {
        let second = self
            .open
            .as_ref()
            .and_then(|app| settings::get(app.db.conn(), SECOND_LOCATION).ok().flatten())
            .map(PathBuf::from);
        (self.path.clone(), self.backups.clone(), second)
    }

    /// The second backup location (a USB stick), and why the last copy there failed.
    pub fn backup_settings(&mut self) -> Result<BackupSettings, ApiError> {
        self.settle_backup();
        let second_location = settings::get(self.app()?.db.conn(), SECOND_LOCATION)?;
        Ok(BackupSettings { second_location, last_copy_problem: self.last_copy_problem.clone() })
    }

    /// Sets (a folder that exists and takes a file) or clears the second backup location; a new
    /// location gets a copy of the newest backup straight away.
    pub fn set_backup_location(&mut self, path: Option<&str>) -> Result<BackupSettings, ApiError> {
        let folder = path.map(str::trim).filter(|p| !p.is_empty()).map(PathBuf::from);
        if let Some(dir) = &folder {
            let probe = dir.join(".draagkracht-probe");
            let writable =
                dir.is_dir() && std::fs::write(&probe, b"").and_then(|_| std::fs::remove_file(&probe)).is_ok();
            if !writable {
                return Err(Refusal::new(
                    Field::Path,
                    RefusalCode::NotAllowed,
                    "In deze map kan Draagkracht niet schrijven. Is de USB-stick aangesloten? Kies een andere map.",
                    "Draagkracht cannot write in this folder. Is the USB stick plugged in? Choose another folder.",
                )
                .into());
            }
        }
        let app = self.app()?;
        app.db.write(|tx| {
            match &folder {
                Some(dir) => settings::set(tx, SECOND_LOCATION, &dir.display().to_string()),
                None => settings::remove(tx, SECOND_LOCATION),
            }
            .map_err(ApiError::from)
        })?;
        self.last_copy_problem = None;
        self.settle_backup();
        if let (Some(_), Some(newest)) = (&folder, self.backup_files().into_iter().next()) {
            self.copy_to_second_location(&newest.path);
        }
        self.backup_settings()
    }

    /// Copies a backup (and its key file) to the second location, if one is set; a failure (the
    /// stick is not there) is remembered and shown, never fatal.
    fn copy_to_second_location(&mut self, backup: &Path) {
        let Some(app) = self.open.as_ref() else { return };
        let Ok(Some(dir)) = settings::get(app.db.conn(), SECOND_LOCATION) else { return };
        self.last_copy_problem = copy_to_folder(backup, &dir).err();
    }

    /// Refuses when another window holds the database: then this gate may open, create or restore nothing.
    fn not_shut_out(&self) -> Result<(), ApiError> {
        match (&self._exclusive, &self.problem) {
            (None, Some((_, e))) => Err(e.clone()),
            _ => Ok(()),
        }
    }

    fn backup_files(&mut self) -> Vec<BackupFile> {
        self.settle_backup();
        backup::list(&self.backups)
    }

    /// Waits for the day's backup to be checked, in place and copied to the second location. A
    /// check that failed leaves no backup (the next start tries again). The shell calls this when
    /// the app exits, which drops nothing.
    pub fn settle_backup(&mut self) {
        if let Some(checking) = self.checking.take() {
            if let Ok(Ok(copied)) = checking.join() {
                self.last_copy_problem = copied.problem;
            }
        }
    }

    /// The key that opens a backup without asking: none for a plain one, the open database's key
    /// when the backup was made under the same passphrase. `None` when a passphrase is needed.
    fn key_for_check(&self, b: &BackupFile) -> Option<Option<DbKey>> {
        if !b.encrypted {
            return Some(None);
        }
        let key = self.open.as_ref()?.key.clone()?;
        let theirs = KdfFile::beside(&b.path).current()?;
        (theirs == *key.params()).then_some(Some(key))
    }

    /// A damaged database that cannot be exported is copied aside as it is, key file and all.
    fn copy_aside(&self) -> Result<(), ApiError> {
        std::fs::create_dir_all(&self.backups).map_err(|e| storage(&e.to_string()))?;
        let name = draagkracht_core::backup::file_name(BackupKind::BeforeRestore, Local::now().naive_local());
        let target = self.backups.join(name);
        std::fs::copy(&self.path, &target).map_err(|e| storage(&e.to_string()))?;
        if let Some(params) = KdfFile::beside(&self.path).current() {
            KdfFile::beside(&target).write_current(&params).map_err(|e| storage(&e.to_string()))?;
        }
        Ok(())
    }
}

impl Draagkracht {
    /// A checked copy of this database at `out`, encrypted with its key when it has one.
    pub fn backup_to(&self, out: &Path) -> Result<(), ApiError> {
        Ok(backup::write_to(&self.db, out, self.key.as_ref())?)
    }
}

/// The key that opens an encrypted backup, from the parameters beside it and a passphrase.
fn backup_key(backup: &Path, passphrase: &str) -> Result<DbKey, ApiError> {
    let params = KdfFile::beside(backup)
        .current()
        .ok_or_else(|| storage("the backup's key file (.kdf.json) is missing beside it"))?;
    params.derive(passphrase).map_err(|e| storage(&e.to_string()))
}

/// How the day's backup fared at the second location.
#[derive(Debug)]
struct SecondCopy {
    problem: Option<String>,
}

/// Copies a backup (and its key file) into `dir`; why not, when it fails.
fn copy_to_folder(backup: &Path, dir: &str) -> Result<(), String> {
    let copy = || -> std::io::Result<()> {
        let target = PathBuf::from(dir).join(backup.file_name().ok_or_else(|| std::io::Error::other("no file name"))?);
        // The key parameters first, as beside the database: a copy without them opens for no one.
        if let Some(params) = KdfFile::beside(backup).current() {
            KdfFile::beside(&target).write_current(&params).map_err(std::io::Error::other)?;
        }
        RecoveryFile::beside(backup).copy_beside(&target).map_err(std::io::Error::other)?;
        std::fs::copy(backup, &target)?;
        Ok(())
    };
    copy().map_err(|e| format!("{dir}: {e}"))
}

impl Drop for Gate {
    /// The day's backup is finished (or removed) before the gate goes.
    fn drop(&mut self) {
        if let Some(checking) = self.checking.take() {
            let _ = checking.join();
        }
    }
}

/// Takes the exclusive lock beside the database, or says that another window has it.
fn exclusive(path: &Path) -> Result<std::fs::File, ApiError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| storage(&e.to_string()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(format!("{name}.lock")))
        .map_err(|e| storage(&e.to_string()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(ApiError::new(
            ErrorCode::Storage,
            "Draagkracht is al geopend met deze gegevens, in een ander venster. Gebruik dat venster, of sluit het en probeer het opnieuw.",
            "Draagkracht is already open with this data, in another window. Use that window, or close it and try again.",
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(storage(&e.to_string())),
    }
}

/// True when the file is a plain (not encrypted) SQLite database.
pub fn is_plain_database(path: &Path) -> bool {
    is_plain_sqlite(path)
}

fn check_new_passphrase(passphrase: &str, repeat: &str) -> Result<(), ApiError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Refusal::new(
            Field::Passphrase,
            RefusalCode::TooShort,
            format!(
                "Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_CHARS} tekens, bijvoorbeeld vier losse woorden."
            ),
            format!(
                "Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters, for example four separate words."
            ),
        )
        .into());
    }
    if passphrase != repeat {
        return Err(Refusal::new(
            Field::Repeat,
            RefusalCode::Mismatch,
            "De twee wachtwoordzinnen zijn niet gelijk. Typ ze nog eens.",
            "The two passphrases differ. Please type them again.",
        )
        .into());
    }
    Ok(())
}

/// A recovery code as typed, or the refusal that says what one looks like.
fn parse_code(typed: &str) -> Result<RecoveryCode, ApiError> {
    RecoveryCode::parse(typed).ok_or_else(|| {
        ApiError::from(Refusal::new(
            Field::RecoveryCode,
            RefusalCode::InvalidFormat,
            "Een herstelcode heeft 20 letters en cijfers, in vijf groepjes van vier, zoals K7QF-3MZP-W8TD-A2XN-H6RB.",
            "A recovery code has 20 letters and digits, in five groups of four, like K7QF-3MZP-W8TD-A2XN-H6RB.",
        ))
    })
}

/// The key the recovery code unseals for the database (or backup) `file`, when it opens the file.
fn key_from_code(file: &Path, code: &RecoveryCode) -> Result<DbKey, ApiError> {
    let wrong_code = || {
        ApiError::from(Refusal::new(
            Field::RecoveryCode,
            RefusalCode::Mismatch,
            "Deze herstelcode past niet bij deze gegevens. Kijk de tekens nog eens na; er is niets veranderd.",
            "This recovery code does not fit this data. Please check the characters; nothing was changed.",
        ))
    };
    let recovery = RecoveryFile::beside(file);
    if recovery.created_on().is_none() {
        return Err(ApiError::from(Refusal::new(
            Field::RecoveryCode,
            RefusalCode::Unknown,
            "Hier hoort geen herstelcode bij: hij is er nooit gemaakt, of pas later. Zonder de wachtwoordzin van toen is dit niet te openen.",
            "No recovery code belongs to this: none was made, or only later. Without the passphrase of the time it cannot be opened.",
        )));
    }
    let params =
        KdfFile::beside(file).current().ok_or_else(|| storage("the key file (.kdf.json) is missing beside it"))?;
    match recovery.open(code, &params) {
        Ok(keys) => keys.into_iter().find(|k| backup::check_key(file, k)).ok_or_else(wrong_code),
        Err(CryptError::WrongCode) => Err(wrong_code()),
        Err(e) => Err(storage(&e.to_string())),
    }
}

fn info(b: BackupFile) -> BackupInfo {
    BackupInfo {
        path: b.path.display().to_string(),
        file: b.file,
        created_at: b.created_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        kind: b.kind,
        size_bytes: b.size_bytes,
        encrypted: b.encrypted,
    }
}

fn storage(detail: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("Er ging iets mis met het bestand: {detail}. Er is niets veranderd."),
        format!("Something went wrong with the file: {detail}. Nothing was changed."),
    )
}
