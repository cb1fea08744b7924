//! Progress on the device, through localStorage, tolerant of everything a
//! browser can throw at it: storage turned off, full, or holding damaged or
//! newer data. The rules of what to keep live in `open_door_core::progress`;
//! this module only moves strings in and out and tells the student.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;
use open_door_core::pack::Pack;
use open_door_core::progress::{self, Progress};

const PROGRESS_KEY: &str = "open-door.progress";
const PACKS_KEY: &str = "open-door.packs";
const BACKUP_KEY: &str = "open-door.progress.backup";
/// The name or nickname a student puts on the results they hand in.
const NAME_KEY: &str = "open-door.name";

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
            let _ = storage.remove_item(NAME_KEY);
        }
        self.progress.set(Progress::default());
        self.notices.set(vec!["Everything Open Door saved on this device (progress, your name for handing in results, and question packs) was erased.".into()]);
        if self.persistence.get_untracked() == Persistence::ReadOnly {
            self.persistence.set(Persistence::Device);
        }
    }
}

const MEMORY_ONLY_NOTICE: &str =
    "This browser is not letting Open Door save anything, so your progress will not be kept after you close this tab.";

/// The question packs imported on this device. Each is checked again when
/// the app starts (see `content::library`), so a damaged entry is skipped.
pub fn stored_packs() -> Vec<Pack> {
    let Some(raw) = local_storage().and_then(|s| s.get_item(PACKS_KEY).ok().flatten()) else { return Vec::new() };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(&raw) else { return Vec::new() };
    entries.into_iter().filter_map(|entry| serde_json::from_value(entry).ok()).collect()
}

/// Saves the list of packs; the caller reloads the app to use it.
pub fn save_packs(packs: &[Pack]) -> Result<(), String> {
    let storage = local_storage().ok_or("This browser is not letting Open Door save anything, so the pack cannot be kept.")?;
    let json = serde_json::to_string(packs).map_err(|e| e.to_string())?;
    storage
        .set_item(PACKS_KEY, &json)
        .map_err(|_| "There is not enough room on this device to keep the pack. Nothing was changed.".to_string())
}

/// The name the student last handed a result in under ("" if none).
pub fn saved_name() -> String {
    local_storage().and_then(|s| s.get_item(NAME_KEY).ok().flatten()).unwrap_or_default()
}

/// Keeps the name for next time; where storage is refused it is simply
/// not kept (the result still carries it).
pub fn save_name(name: &str) {
    if let Some(storage) = local_storage() {
        let _ = if name.is_empty() { storage.remove_item(NAME_KEY) } else { storage.set_item(NAME_KEY, name) };
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
