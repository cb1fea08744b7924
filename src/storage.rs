//! Progress on the device, through localStorage, tolerant of everything a
//! browser can throw at it: storage turned off, full, holding damaged or
//! newer data, or written by another tab at the same time. The rules of
//! what to keep live in `open_door_core::progress`; this module moves
//! strings in and out and tells the student what happened.

use leptos::prelude::*;
use open_door_core::content::Bundle;
use open_door_core::pack::{checked_stamp, Pack};

use open_door_core::progress::{self, Progress, BACKUP_PREFIX};

use crate::content::{now_ms, StoredPacks};

const PROGRESS_KEY: &str = "open-door.progress";
const PACKS_KEY: &str = "open-door.packs";
const PACKS_CHECKED_KEY: &str = "open-door.packs.checked";
const CARRIED_KEY: &str = "open-door.packs.carried";
/// The name or nickname a student puts on the results they hand in
/// (erased with the rest: it starts with "open-door.").
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
    /// The freshest copy this tab knows: changed only through [`change`](Self::change)
    /// and by other tabs' saves.
    pub progress: RwSignal<Progress>,
    pub persistence: RwSignal<Persistence>,
    /// What was reset or could not be saved, for the banner.
    pub notices: RwSignal<Vec<String>>,
    bank: &'static Bundle,
}

impl ProgressStore {
    /// Reads saved progress, checked against `bank`; never fails.
    pub fn load(bank: &'static Bundle) -> Self {
        let storage = writable_storage();
        let persistence = if storage.is_some() { Persistence::Device } else { Persistence::MemoryOnly };
        let store = Self {
            progress: RwSignal::new(Progress::default()),
            persistence: RwSignal::new(persistence),
            notices: RwSignal::new(Vec::new()),
            bank,
        };
        if persistence == Persistence::MemoryOnly {
            store.tell(MEMORY_ONLY_NOTICE);
        }
        let fresh = store.read();
        store.progress.set(fresh);
        // Another tab's saves reach this one through the `storage` event, so
        // a quiz open in two tabs shows every answer in both.
        let listener = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(PROGRESS_KEY) && store.persistence.get_untracked() == Persistence::Device {
                let fresh = store.read();
                store.progress.set(fresh);
            }
        });
        // The store lives as long as the app; the listener with it.
        std::mem::forget(listener);
        store
    }

    /// Applies a change to the freshest saved copy, then saves it: read,
    /// change, write in one go, so another tab's answers saved meanwhile
    /// are kept rather than overwritten.
    pub fn change<R>(&self, change: impl FnOnce(&mut Progress) -> R) -> R {
        let mut fresh = if self.persistence.get_untracked() == Persistence::Device {
            self.read()
        } else {
            self.progress.get_untracked()
        };
        let result = change(&mut fresh);
        self.progress.set(fresh);
        self.save();
        result
    }

    /// The saved copy, read and checked; whatever could not be read is
    /// backed up first (or, where no backup can be written, left in place
    /// and nothing saved over it).
    fn read(&self) -> Progress {
        let raw = storage().and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten());
        let loaded = progress::load(raw.as_deref(), self.bank);
        for notice in &loaded.notices {
            self.tell(notice);
        }
        if !loaded.writable {
            self.persistence.set(Persistence::ReadOnly);
        } else if loaded.keep_backup {
            if let Some(raw) = raw.as_deref() {
                match keep_backup(raw) {
                    Ok(()) => self.tell("A copy of what could not be read was kept on this device; the About page lists it."),
                    Err(()) => {
                        // Saving now would destroy the only copy of the damaged data.
                        self.persistence.set(Persistence::MemoryOnly);
                        self.tell("There was no room on this device to keep a copy of what could not be read, so your saved data is left as it was and nothing new will be saved. The About page can download it.");
                    }
                }
            }
        }
        if self.persistence.get_untracked() == Persistence::Device && (loaded.keep_backup || !loaded.notices.is_empty()) {
            // Save the repaired copy at once, so the same notice does not
            // come back with every change.
            self.write(&loaded.progress);
        }
        loaded.progress
    }

    fn save(&self) {
        if self.persistence.get_untracked() == Persistence::Device {
            self.progress.with_untracked(|p| self.write(p));
        }
    }

    fn write(&self, progress: &Progress) {
        let saved = storage().is_some_and(|s| s.set_item(PROGRESS_KEY, &progress::save(progress)).is_ok());
        if !saved {
            self.persistence.set(Persistence::MemoryOnly);
            self.tell(FULL_NOTICE);
        }
    }

    /// Adds a notice to the banner, once.
    fn tell(&self, notice: &str) {
        self.notices.update(|n| {
            if !n.iter().any(|m| m == notice) {
                n.push(notice.to_string());
            }
        });
    }

    /// Erases everything this app saved on the device, and says what it
    /// could not erase.
    pub fn erase(&self) {
        let mut left = Vec::new();
        if let Some(storage) = storage() {
            for key in our_keys(&storage) {
                let _ = storage.remove_item(&key);
                if storage.get_item(&key).ok().flatten().is_some() {
                    left.push(key);
                }
            }
        }
        self.progress.set(Progress::default());
        self.notices.set(vec![if left.is_empty() {
            "Everything Open Door saved on this device (progress, backups, your name for handing in results, and question packs) was erased.".into()
        } else {
            format!("This browser did not let Open Door erase everything: {} saved {} still there.", left.len(), if left.len() == 1 { "item is" } else { "items are" })
        }]);
        if left.is_empty() && self.persistence.get_untracked() == Persistence::ReadOnly {
            self.persistence.set(Persistence::Device);
        }
    }
}

const MEMORY_ONLY_NOTICE: &str =
    "This browser is not letting Open Door save anything, so your progress will not be kept after you close this tab.";
const FULL_NOTICE: &str =
    "Your progress could not be saved on this device (the browser refused, perhaps because its storage is full), so from now on it will not be kept after you close this tab.";

/// Writes a backup of `raw` under its own key, dropping the oldest beyond
/// the few the core keeps.
fn keep_backup(raw: &str) -> Result<(), ()> {
    let storage = storage().ok_or(())?;
    let existing = backup_keys(&storage);
    for old in progress::backups_to_drop(&existing) {
        let _ = storage.remove_item(&old);
    }
    storage.set_item(&progress::backup_key(now_ms()), raw).map_err(|_| ())
}

/// The backups of damaged saves on this device, oldest first, with their text.
pub fn backups() -> Vec<(String, String)> {
    let Some(storage) = storage() else { return Vec::new() };
    let mut keys = backup_keys(&storage);
    keys.sort();
    keys.into_iter().filter_map(|k| storage.get_item(&k).ok().flatten().map(|text| (k, text))).collect()
}

fn backup_keys(storage: &web_sys::Storage) -> Vec<String> {
    // Version 1 kept its one backup under its own key.
    keys(storage).into_iter().filter(|k| k.starts_with(BACKUP_PREFIX) || k == "open-door.progress.backup").collect()
}

fn our_keys(storage: &web_sys::Storage) -> Vec<String> {
    keys(storage).into_iter().filter(|k| k.starts_with("open-door.")).collect()
}

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// The question packs imported on this device. Each is checked at import
/// and stored in its checked form with a stamp (`pack::checked_stamp`); the
/// app checks them again at start-up only when the stamp does not match (a
/// new version, or the stored text was altered), so a damaged entry is
/// skipped but a large pack does not slow every start-up.
pub fn stored_packs() -> StoredPacks {
    let Some(storage) = storage() else { return StoredPacks::default() };
    let none = StoredPacks { carried: carried_packs(&storage), ..StoredPacks::default() };
    let Some(raw) = storage.get_item(PACKS_KEY).ok().flatten() else { return none };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(&raw) else { return none };
    let packs: Vec<Pack> = entries.into_iter().filter_map(|entry| serde_json::from_value(entry).ok()).collect();
    let stamp = storage.get_item(PACKS_CHECKED_KEY).ok().flatten();
    let checked = stamp.as_deref() == Some(checked_stamp(crate::content::built_in_json(), &raw).as_str());
    StoredPacks { packs, checked, carried: carried_packs(&storage) }
}

/// The packs class links brought, oldest first.
fn carried_packs(storage: &web_sys::Storage) -> Vec<Pack> {
    let Some(raw) = storage.get_item(CARRIED_KEY).ok().flatten() else { return Vec::new() };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(&raw) else { return Vec::new() };
    entries.into_iter().filter_map(|entry| serde_json::from_value(entry).ok()).collect()
}

/// Keeps a pack a class link brought (checked), replacing an older one of
/// the same name; only the newest few are kept. If storage refuses, the
/// quiz still runs from its link.
pub fn keep_carried_pack(carried: &Pack) {
    const KEPT: usize = 5;
    let Some(storage) = writable_storage() else { return };
    let mut kept = carried_packs(&storage);
    kept.retain(|p| p.name != carried.name);
    kept.push(carried.clone());
    let excess = kept.len().saturating_sub(KEPT);
    kept.drain(..excess);
    if let Ok(json) = serde_json::to_string(&kept) {
        let _ = storage.set_item(CARRIED_KEY, &json);
    }
}

/// Saves the list of packs, already checked; the caller reloads the app to
/// use it.
pub fn save_packs(packs: &[Pack]) -> Result<(), String> {
    let storage = storage().ok_or("This browser is not letting Open Door save anything, so the pack cannot be kept.")?;
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
    let Some(storage) = storage() else { return };
    if let Some(raw) = storage.get_item(PACKS_KEY).ok().flatten() {
        let _ = storage.set_item(PACKS_CHECKED_KEY, &checked_stamp(crate::content::built_in_json(), &raw));
    }
}

/// The name the student last handed a result in under ("" if none).
pub fn saved_name() -> String {
    storage().and_then(|s| s.get_item(NAME_KEY).ok().flatten()).unwrap_or_default()
}

/// Keeps the name for next time; where storage is refused it is simply
/// not kept (the result still carries it).
pub fn save_name(name: &str) {
    if let Some(storage) = writable_storage() {
        let _ = if name.is_empty() { storage.remove_item(NAME_KEY) } else { storage.set_item(NAME_KEY, name) };
    }
}

/// localStorage, or `None` where the browser refuses it (reading the
/// property itself can throw, for example with storage blocked).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// localStorage if it takes writes: some browsers hand out a storage object
/// that refuses every one.
fn writable_storage() -> Option<web_sys::Storage> {
    let storage = storage()?;
    let probe = "open-door.probe";
    storage.set_item(probe, "1").ok()?;
    let _ = storage.remove_item(probe);
    Some(storage)
}

pub fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}
