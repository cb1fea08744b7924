//! Progress on the device, through localStorage, tolerant of everything a
//! browser can throw at it: storage turned off, full, holding damaged or
//! newer data, or written by another tab at the same time. The rules of
//! what to keep live in `open_door_core::progress`; this module moves
//! strings in and out and tells the student what happened.

use leptos::prelude::*;
use open_door_core::class_results::HandedFile;
use open_door_core::content::Bundle;
use open_door_core::link::{self, LinkChoices};
use open_door_core::pack::{self, Pack};
use open_door_core::result::{HandInNames, SavedFile, SavedFiles};
use wasm_bindgen::{JsCast, JsValue};

use open_door_core::progress::{self, Progress, BACKUP_PREFIX};
use open_door_core::projector::ProjectorPlaces;

use crate::content::{now_ms, StoredPack, StoredPacks};

const PROGRESS_KEY: &str = "open-door.progress";
const CARRIED_KEY: &str = "open-door.packs.carried";
/// Version 1's single list of packs (moved to one key a pack when read).
const LEGACY_PACKS_KEY: &str = "open-door.packs";
/// The name or nickname a student puts on the results they hand in
/// (erased with the rest: it starts with "open-door.").
const NAME_KEY: &str = "open-door.name";
/// The name each result was handed in under (`result::HandInNames`).
const RESULT_NAMES_KEY: &str = "open-door.result-names";
/// The class link a teacher last made, found again on the Classroom page
/// after the projector, the worksheet or a reload.
const CLASS_LINK_KEY: &str = "open-door.classroom.link";
/// The link builder's choices that made it (a `LinkChoices` query), so the
/// form comes back as it was.
const CLASS_LINK_CHOICES_KEY: &str = "open-door.classroom.choices";
/// The class links made before the last one, of other quizzes (newest
/// first, one a line): a lesson may hand out a test and a practice quiz.
const EARLIER_CLASS_LINKS_KEY: &str = "open-door.classroom.earlier";
/// The class's result files, in sessionStorage: the table is there again
/// after the projector, another page or a reload, and is forgotten with the
/// tab, as the files carry students' names and the teacher still has them.
const CLASS_FILES_KEY: &str = "open-door.classroom.results";
/// The link builder's form as the teacher left it, a link made from it or
/// not (a `LinkChoices` query), in sessionStorage: a look at a source and
/// Back, or a reload, finds it as it was; a new tab starts from the last
/// link made.
pub const CLASS_DRAFT_KEY: &str = "open-door.classroom.draft";
/// The student's quiz set-up form as they left it, in sessionStorage
/// likewise (a `LinkChoices` query): Back from another page or from the
/// quiz it started finds the choices, to change one.
pub const QUIZ_DRAFT_KEY: &str = "open-door.quiz.draft";
/// The result whose review the student opened out to every question
/// ("Only my mistakes" unticked), in sessionStorage: after a look at an
/// evidence and Back, or a reload, the review is as they left it, so the
/// browser finds the place they were reading.
const REVIEW_ALL_KEY: &str = "open-door.review.all";
/// The review entry whose evidence the student followed from their results
/// (`<result> <entry id>`), in sessionStorage: Back to those results gives
/// it the focus, once.
const REVIEW_ENTRY_READ_KEY: &str = "open-door.review.read";
/// The file last saved of each result in this tab (`result::SavedFiles`),
/// in sessionStorage: what the hand-in said of it is said again after a
/// reload, or after the evidence read and Back.
const SAVED_FILES_KEY: &str = "open-door.hand-in.saved";
/// The follow-up quiz made from the class's results (its link, without the
/// title), in sessionStorage like the files: back from showing it on the
/// projector, or after a reload, it is there again under the table; it is
/// forgotten with the files.
const CLASS_FOLLOW_UP_KEY: &str = "open-door.classroom.follow-up";
/// That the Classroom page hides the students' names and files from the
/// class results (for a screen the class sees), in sessionStorage: a reload
/// on the projector does not show them again.
const CLASS_NAMES_HIDDEN_KEY: &str = "open-door.classroom.names-hidden";
/// The question the projector last showed of each quiz (see
/// `ProjectorPlaces`), in sessionStorage: a reload mid-lesson, or the
/// class's quiz shown again after another, comes back to it, not to the
/// first question.
const PROJECTOR_AT_KEY: &str = "open-door.projector.at";

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
        Self::open(bank, false)
    }

    /// Reads saved progress but saves nothing, because `bank` lacks the
    /// device's question packs this time (their module did not download):
    /// saving the copy checked against it would drop every quiz that uses
    /// them. The caller says so on screen.
    pub fn load_without_saving(bank: &'static Bundle) -> Self {
        Self::open(bank, true)
    }

    fn open(bank: &'static Bundle, read_only: bool) -> Self {
        let storage = writable_storage();
        let persistence = match (read_only, storage.is_some()) {
            (true, _) => Persistence::ReadOnly,
            (false, true) => Persistence::Device,
            (false, false) => Persistence::MemoryOnly,
        };
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
            if ev.key().as_deref() != Some(PROGRESS_KEY) || store.persistence.get_untracked() != Persistence::Device {
                return;
            }
            let mut fresh = store.read();
            // Erased in another tab: nothing of this tab's copy comes back.
            // Otherwise this tab's latest change may have been saved over
            // (both tabs wrote at the same moment): join it back in, and save.
            if ev.new_value().is_some() && store.progress.with_untracked(|mine| fresh.join(mine)) {
                store.write(&fresh);
            }
            store.progress.set(fresh);
        });
        // The store lives as long as the app; the listener with it.
        std::mem::forget(listener);
        store
    }

    /// Applies a change to the freshest saved copy, then saves it: read,
    /// change, write in one go, so another tab's answers saved meanwhile
    /// are kept rather than overwritten.
    pub fn change<R>(&self, change: impl FnOnce(&mut Progress) -> R) -> R {
        let mut fresh = if self.persistence.get_untracked() == Persistence::Device { self.read() } else { self.progress.get_untracked() };
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
        // A read that cannot save repairs nothing on the device, so what it
        // would repair is not news, and it needs no backup (see
        // `load_without_saving`).
        let read_only = self.persistence.get_untracked() == Persistence::ReadOnly;
        if !read_only {
            for notice in &loaded.notices {
                self.tell(notice);
            }
        }
        if !loaded.writable {
            self.persistence.set(Persistence::ReadOnly);
        } else if loaded.keep_backup && !read_only {
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

    /// Keeps `name` as the one `result` is handed in under, and forgets
    /// those of results no longer kept.
    pub fn keep_result_name(&self, result: &str, name: &str) {
        let kept = self.progress.with_untracked(Progress::results);
        let mut names = HandInNames::read(&saved_text(RESULT_NAMES_KEY).unwrap_or_default());
        names.set(result, name, &kept);
        save_text(RESULT_NAMES_KEY, &names.write());
    }

    /// Keeps, for this tab, `file` as the last saved of its result, and
    /// forgets those of results no longer kept.
    pub fn keep_saved_file(&self, file: SavedFile) {
        let kept = self.progress.with_untracked(Progress::results);
        let mut files = saved_files();
        files.set(file, &kept);
        keep_for_tab(SAVED_FILES_KEY, &files.write());
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
        for storage in [storage(), session_storage()].into_iter().flatten() {
            for key in our_keys(&storage) {
                let _ = storage.remove_item(&key);
                if storage.get_item(&key).ok().flatten().is_some() {
                    left.push(key);
                }
            }
        }
        self.progress.set(Progress::default());
        self.notices.set(vec![if left.is_empty() {
            "Everything Open Door saved on this device (progress, backups, your name for handing in results, question packs, the quiz forms as you left them, and the Classroom page's class links and class results) was erased.".into()
        } else {
            format!("This browser did not let Open Door erase everything: {} saved {} still there.", left.len(), if left.len() == 1 { "item is" } else { "items are" })
        }]);
        if left.is_empty() && self.persistence.get_untracked() == Persistence::ReadOnly {
            self.persistence.set(Persistence::Device);
        }
    }
}

// A reload loses it too: a student told only "after you close this tab"
// reloaded and lost their answers.
const MEMORY_ONLY_NOTICE: &str =
    "This browser is not letting Open Door save anything (its storage is blocked or full), so your progress will not be kept if this tab is reloaded or closed.";
const FULL_NOTICE: &str =
    "Your progress could not be saved on this device (the browser refused, perhaps because its storage is full), so from now on it will not be kept if this tab is reloaded or closed.";

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

/// Whether this device keeps any question packs (added, carried by class
/// links, or in version 1's list): only then does start-up fetch the module
/// that reads and checks them.
pub fn has_packs() -> bool {
    storage().is_some_and(|storage| {
        keys(&storage).iter().any(|k| k.starts_with(pack::STORED_PREFIX) || k == LEGACY_PACKS_KEY || k == CARRIED_KEY)
    })
}

/// The question packs added on this device, each read from its own key
/// (`pack::stored_key`), so a damaged one is reported and kept, and never
/// takes the others with it. Each was stored checked, with a stamp: the app
/// checks one again only after an update or if its stored copy changed.
pub fn stored_packs() -> StoredPacks {
    let Some(storage) = storage() else { return StoredPacks::default() };
    move_legacy_packs(&storage);
    let mut keys: Vec<String> = keys(&storage).into_iter().filter(|k| k.starts_with(pack::STORED_PREFIX)).collect();
    keys.sort();
    let built_in = crate::content::built_in_text();
    let packs = keys
        .into_iter()
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some(StoredPack { read: pack::read_stored(&raw, &built_in), key })
        })
        .collect();
    StoredPacks { packs, carried: carried_packs(&storage) }
}

/// Version 1 kept every pack in one list under one key, where one damaged
/// byte lost them all: each entry moves to its own key (what cannot be read
/// moves too, as it was, and is reported like any damaged pack).
fn move_legacy_packs(storage: &web_sys::Storage) {
    let Some(raw) = storage.get_item(LEGACY_PACKS_KEY).ok().flatten() else { return };
    let moved = match serde_json::from_str::<Vec<serde_json::Value>>(&raw) {
        Ok(entries) => entries.iter().enumerate().all(|(i, entry)| match serde_json::from_value::<Pack>(entry.clone()) {
            // Stored without a stamp: checked again at this start-up.
            Ok(old) => storage.set_item(&pack::stored_key(&old.name), &pack::store(&old, "")).is_ok(),
            Err(_) => storage.set_item(&format!("{}legacy-{i}", pack::STORED_PREFIX), &entry.to_string()).is_ok(),
        }),
        Err(_) => storage.set_item(&format!("{}legacy", pack::STORED_PREFIX), &raw).is_ok(),
    };
    // Only once every entry has a key of its own is the old list removed.
    if moved {
        let _ = storage.remove_item(LEGACY_PACKS_KEY);
        let _ = storage.remove_item("open-door.packs.checked");
    }
}

/// The packs class links brought, oldest first.
fn carried_packs(storage: &web_sys::Storage) -> Vec<Pack> {
    let Some(raw) = storage.get_item(CARRIED_KEY).ok().flatten() else { return Vec::new() };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(&raw) else { return Vec::new() };
    entries.into_iter().filter_map(|entry| serde_json::from_value(entry).ok()).collect()
}

/// Keeps a pack a class link brought (checked, and joined with what earlier
/// links of it brought), replacing the older one of the same name; only
/// the newest few are kept. If storage refuses, the quiz still runs from
/// its link.
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

/// Stores a pack that was just checked under its own key (replacing the
/// stored copy of the same name); the caller restarts the app to use it.
pub fn save_pack(checked: &Pack) -> Result<(), String> {
    let storage = storage().ok_or("This browser is not letting Open Door save anything, so the pack cannot be kept.")?;
    storage
        .set_item(&pack::stored_key(&checked.name), &pack::store(checked, &crate::content::built_in_text()))
        .map_err(|_| "There is not enough room on this device to keep the pack. Nothing was changed.".to_string())
}

/// Removes a stored pack (or a damaged stored copy), and says if it could not.
pub fn remove_pack(key: &str) -> Result<(), String> {
    let storage = storage().ok_or("This browser is not letting Open Door change what it saved.")?;
    let _ = storage.remove_item(key);
    match storage.get_item(key).ok().flatten() {
        None => Ok(()),
        Some(_) => Err("This browser did not let Open Door remove the pack.".into()),
    }
}

/// The name the student last handed a result in under ("" if none).
pub fn saved_name() -> String {
    saved_text(NAME_KEY).unwrap_or_default()
}

/// Keeps the name for next time; where storage is refused it is simply
/// not kept (the result still carries it).
pub fn save_name(name: &str) {
    save_text(NAME_KEY, name);
}

/// The name `result` (a quiz's key and finish time) was handed in under.
pub fn result_name(result: &str) -> Option<String> {
    HandInNames::read(&saved_text(RESULT_NAMES_KEY)?).of(result).map(String::from)
}

/// The class link the teacher last made on this device, as handed out,
/// and the link builder's choices that made it, if they were kept (a link
/// kept before they were has none).
pub fn saved_class_link() -> Option<(String, Option<LinkChoices>)> {
    let href = saved_text(CLASS_LINK_KEY)?;
    Some((href, saved_text(CLASS_LINK_CHOICES_KEY).as_deref().and_then(LinkChoices::from_query)))
}

/// Keeps the class link just made with the choices that made it; where
/// storage is refused they last until the teacher leaves the page.
pub fn save_class_link(href: &str, choices: &LinkChoices) {
    save_text(CLASS_LINK_KEY, href);
    save_text(CLASS_LINK_CHOICES_KEY, &choices.to_query());
}

/// The class links made before the last one on this device, newest first.
pub fn earlier_class_links() -> Vec<String> {
    saved_text(EARLIER_CLASS_LINKS_KEY).map(|text| text.lines().map(str::to_string).collect()).unwrap_or_default()
}

/// Keeps `replaced`, a class link that gave way to one of another quiz,
/// first among the earlier links; returns them.
pub fn keep_earlier_class_link(replaced: &str) -> Vec<String> {
    let earlier = link::earlier_links(&earlier_class_links(), replaced);
    save_text(EARLIER_CLASS_LINKS_KEY, &earlier.join("\n"));
    earlier
}

/// A quiz form as last left in this tab, under `key` ([`CLASS_DRAFT_KEY`]
/// or [`QUIZ_DRAFT_KEY`]).
pub fn form_draft(key: &str) -> Option<LinkChoices> {
    kept_for_tab(key).as_deref().and_then(LinkChoices::from_query)
}

/// Keeps a quiz form for this tab under `key`, where the browser allows.
pub fn keep_form_draft(key: &str, choices: &LinkChoices) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, &choices.to_query());
    }
}

/// Whether `key` holds `value` for this tab: a choice kept about one
/// thing (a result, a quiz), forgotten once made about another.
fn is_marked_for_tab(key: &str, value: &str) -> bool {
    kept_for_tab(key).is_some_and(|kept| kept == value)
}

/// Marks (or unmarks) `value` under `key` for this tab.
fn mark_for_tab(key: &str, value: &str, marked: bool) {
    if let Some(storage) = session_storage() {
        let _ = if marked { storage.set_item(key, value) } else { storage.remove_item(key) };
    }
}

/// Whether the student chose to see every question in the review of
/// `result` (see [`REVIEW_ALL_KEY`]).
pub fn review_shows_all(result: &str) -> bool {
    is_marked_for_tab(REVIEW_ALL_KEY, result)
}

/// Keeps, for this tab, whether the review of `result` shows every question.
pub fn keep_review_shows_all(result: &str, all: bool) {
    mark_for_tab(REVIEW_ALL_KEY, result, all);
}

/// Keeps, for this tab, the entry `id` of the review of `result` whose
/// evidence was followed.
pub fn keep_review_entry_read(result: &str, id: &str) {
    mark_for_tab(REVIEW_ENTRY_READ_KEY, &format!("{result} {id}"), true);
}

/// The entry of the review of `result` whose evidence was followed, if
/// any; forgotten as it is read, whichever result it was of.
pub fn take_review_entry_read(result: &str) -> Option<String> {
    let kept = kept_for_tab(REVIEW_ENTRY_READ_KEY);
    mark_for_tab(REVIEW_ENTRY_READ_KEY, "", false);
    kept?.strip_prefix(result)?.strip_prefix(' ').map(str::to_owned)
}

/// The file of `result` last saved in this tab.
pub fn saved_file(result: &str) -> Option<SavedFile> {
    saved_files().of(result).cloned()
}

fn saved_files() -> SavedFiles {
    SavedFiles::read(&kept_for_tab(SAVED_FILES_KEY).unwrap_or_default())
}

/// Forgets, for this tab, the file saved of `result` (see
/// `SavedFiles::forget`).
pub fn forget_saved_file(result: &str) {
    let mut files = saved_files();
    files.forget(result);
    keep_for_tab(SAVED_FILES_KEY, &files.write());
}

/// Keeps `value` under `key` for this tab; an empty one is removed.
fn keep_for_tab(key: &str, value: &str) {
    mark_for_tab(key, value, !value.is_empty());
}

/// Whether the teacher made the follow-up quiz `href` from the class's
/// results (see [`CLASS_FOLLOW_UP_KEY`]).
pub fn follow_up_made(href: &str) -> bool {
    is_marked_for_tab(CLASS_FOLLOW_UP_KEY, href)
}

/// Keeps, for this tab, that the follow-up quiz `href` was made.
pub fn keep_follow_up_made(href: &str) {
    mark_for_tab(CLASS_FOLLOW_UP_KEY, href, true);
}

/// Whether the teacher hid the names from the class results in this tab.
pub fn class_names_hidden() -> bool {
    is_marked_for_tab(CLASS_NAMES_HIDDEN_KEY, "yes")
}

/// Keeps, for this tab, whether the class results hide the names.
pub fn keep_class_names_hidden(hidden: bool) {
    mark_for_tab(CLASS_NAMES_HIDDEN_KEY, "yes", hidden);
}

/// The question (from 0) the projector last showed in this tab for the
/// quiz `quiz` (its link's key); the first for another quiz.
pub fn projector_at(quiz: &str) -> usize {
    ProjectorPlaces::read(&kept_for_tab(PROJECTOR_AT_KEY).unwrap_or_default()).of(quiz)
}

/// Keeps, for this tab, that the projector shows question `index` of `quiz`.
pub fn keep_projector_at(quiz: &str, index: usize) {
    let mut places = ProjectorPlaces::read(&kept_for_tab(PROJECTOR_AT_KEY).unwrap_or_default());
    places.set(quiz, index);
    mark_for_tab(PROJECTOR_AT_KEY, &places.write(), true);
}

/// The class's result files kept for this tab (none if none were kept).
pub fn kept_class_files() -> Vec<HandedFile> {
    let rows = kept_for_tab(CLASS_FILES_KEY)
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .and_then(|value| value.dyn_into::<js_sys::Array>().ok());
    let Some(rows) = rows else { return Vec::new() };
    rows.iter()
        .filter_map(|row| {
            let row = row.dyn_into::<js_sys::Array>().ok()?;
            let read = row.get(1).as_string().ok_or_else(|| row.get(2).as_string().unwrap_or_default());
            Some((row.get(0).as_string()?, read))
        })
        .collect()
}

/// Keeps the class's result files for this tab; `false` if the browser
/// refused them (storage off, or full with a large class), and then keeps
/// none, so that leaving the page never brings back part of a class.
pub fn keep_class_files(files: &[HandedFile]) -> bool {
    let Some(storage) = session_storage() else { return false };
    if files.is_empty() {
        // "Start again": the follow-up quiz made from them goes too.
        let _ = storage.remove_item(CLASS_FOLLOW_UP_KEY);
        return storage.remove_item(CLASS_FILES_KEY).is_ok();
    }
    let rows: js_sys::Array = files
        .iter()
        .map(|(name, read)| {
            let (text, why) = match read {
                Ok(text) => (JsValue::from_str(text), JsValue::NULL),
                Err(why) => (JsValue::NULL, JsValue::from_str(why)),
            };
            js_sys::Array::of3(&JsValue::from_str(name), &text, &why)
        })
        .collect();
    let kept = js_sys::JSON::stringify(&rows)
        .ok()
        .and_then(|text| text.as_string())
        .is_some_and(|text| storage.set_item(CLASS_FILES_KEY, &text).is_ok());
    if !kept {
        let _ = storage.remove_item(CLASS_FILES_KEY);
    }
    kept
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// What this tab keeps under `key` (sessionStorage), if anything.
fn kept_for_tab(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

fn saved_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` (removes it when empty), if storage takes writes.
fn save_text(key: &str, text: &str) {
    if let Some(storage) = writable_storage() {
        let _ = if text.is_empty() { storage.remove_item(key) } else { storage.set_item(key, text) };
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
    // Not `expect_context`, whose message formats the type's name with
    // Debug: see `TextMap`'s `index`.
    use_context::<ProgressStore>().expect("App provides the progress before any page")
}
