//! Progress on the device, through localStorage, tolerant of everything a
//! browser can throw at it: storage turned off, full, or holding damaged or
//! newer data. The rules of what to keep live in `open_door_core::progress`;
//! this module only moves strings in and out and tells the student.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;
use open_door_core::pack::{checked_stamp, Pack};
use open_door_core::progress::{self, Progress};

const PROGRESS_KEY: &str = "open-door.progress";
const PACKS_KEY: &str = "open-door.packs";
const PACKS_CHECKED_KEY: &str = "open-door.packs.checked";
const BACKUP_KEY: &str = "open-door.progress.backup";

/// Where progress lives for this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Saved on this device.
    Device,
    /// Storage is unavailable or full: progress lives only in this tab.
    MemoryOnly,
    /// Saved data came from a newer app: left untouched, nothing saved.
    ReadOnly,
}

/// The app-wide progress handle, provided as context.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    pub progress: RwSignal<Progress>,
    pub persistence: RwSignal<Persistence>,
    /// What was reset or could not be saved, for the banner.
    pub notices: RwSignal<Vec<String>>,
}

impl ProgressStore {
    /// Reads saved progress; never fails.
    pub fn load() -> Self {
        let (raw, mut persistence) = match local_storage() {
            Some(storage) => (storage.get_item(PROGRESS_KEY).ok().flatten(), Persistence::Device),
            None => (None, Persistence::MemoryOnly),
        };
        let loaded = progress::load(raw.as_deref());
        let mut notices = loaded.notices;
        notices.extend(crate::content::library().skipped.iter().cloned());
        if persistence == Persistence::MemoryOnly {
            notices.push(MEMORY_ONLY_NOTICE.into());
        }
        if !loaded.writable {
            persistence = Persistence::ReadOnly;
        }
        if loaded.keep_backup {
            // Keep what could not be read, so nothing is lost for good.
            if let (Some(storage), Some(raw)) = (local_storage(), raw.as_deref()) {
                let _ = storage.set_item(BACKUP_KEY, raw);
            }
        }
        Self {
            progress: RwSignal::new(loaded.progress),
            persistence: RwSignal::new(persistence),
            notices: RwSignal::new(notices),
        }
    }

    /// Changes progress and saves it.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.save();
    }

    fn save(&self) {
        if self.persistence.get_untracked() != Persistence::Device {
            return;
        }
        let saved = self.progress.with_untracked(|p| LocalStorage::set(PROGRESS_KEY, p));
        if saved.is_err() {
            self.persistence.set(Persistence::MemoryOnly);
            self.notices.update(|n| n.push(MEMORY_ONLY_NOTICE.into()));
        }
    }

    /// Erases everything this app saved on the device.
    pub fn erase(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(PROGRESS_KEY);
            let _ = storage.remove_item(BACKUP_KEY);
            let _ = storage.remove_item(PACKS_KEY);
            let _ = storage.remove_item(PACKS_CHECKED_KEY);
        }
        self.progress.set(Progress::default());
        self.notices.set(vec!["Everything Open Door saved on this device (progress and question packs) was erased.".into()]);
        if self.persistence.get_untracked() == Persistence::ReadOnly {
            self.persistence.set(Persistence::Device);
        }
    }
}

const MEMORY_ONLY_NOTICE: &str =
    "This browser is not letting Open Door save anything, so your progress will not be kept after you close this tab.";

/// The packs stored on this device, and whether they were checked against
/// this version's built-in content in this very form.
pub struct StoredPacks {
    pub packs: Vec<Pack>,
    pub checked: bool,
}

/// The question packs imported on this device. Each is checked at import
/// and stored in its checked form with a stamp (`pack::checked_stamp`); the
/// app checks them again at start-up only when the stamp does not match (a
/// new version, or the stored text was altered), so a damaged entry is
/// skipped but a large pack does not slow every start-up.
pub fn stored_packs() -> StoredPacks {
    let none = StoredPacks { packs: Vec::new(), checked: false };
    let Some(storage) = local_storage() else { return none };
    let Some(raw) = storage.get_item(PACKS_KEY).ok().flatten() else { return none };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(&raw) else { return none };
    let packs: Vec<Pack> = entries.into_iter().filter_map(|entry| serde_json::from_value(entry).ok()).collect();
    let stamp = storage.get_item(PACKS_CHECKED_KEY).ok().flatten();
    let checked = stamp.as_deref() == Some(checked_stamp(crate::content::built_in_json(), &raw).as_str());
    StoredPacks { packs, checked }
}

/// Saves the list of packs, already checked; the caller reloads the app to
/// use it.
pub fn save_packs(packs: &[Pack]) -> Result<(), String> {
    let storage = local_storage().ok_or("This browser is not letting Open Door save anything, so the pack cannot be kept.")?;
    let json = serde_json::to_string(packs).map_err(|e| e.to_string())?;
    storage
        .set_item(PACKS_KEY, &json)
        .map_err(|_| "There is not enough room on this device to keep the pack. Nothing was changed.".to_string())?;
    // Without the stamp the packs are simply checked again at start-up.
    let _ = storage.set_item(PACKS_CHECKED_KEY, &checked_stamp(crate::content::built_in_json(), &json));
    Ok(())
}

/// Records that the stored packs passed a full check at start-up.
pub fn mark_packs_checked() {
    let Some(storage) = local_storage() else { return };
    if let Some(raw) = storage.get_item(PACKS_KEY).ok().flatten() {
        let _ = storage.set_item(PACKS_CHECKED_KEY, &checked_stamp(crate::content::built_in_json(), &raw));
    }
}

/// localStorage, or `None` where the browser refuses it (reading the
/// property itself can throw, for example with storage blocked).
fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that refuses every write.
    let probe = "open-door.probe";
    storage.set_item(probe, "1").ok()?;
    let _ = storage.remove_item(probe);
    Some(storage)
}

pub fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}
