//! A map from texts (ids, topics, quiz links) kept as one list in key
//! order: the few dozen entries of saved progress need no tree. A
//! `BTreeMap` for each of progress's three value types put 16 KB of node
//! code (6 KB gzipped) on a class link's first load; this is a fraction of
//! that. Iteration is in key order, as before, so a save is written as it
//! was.

use std::ops::Index;

#[derive(Debug, Clone, PartialEq)]
pub struct TextMap<T> {
    /// Sorted by key, each key once.
    entries: Vec<(String, T)>,
}

impl<T> Default for TextMap<T> {
    fn default() -> Self {
        Self { entries: Vec::new() }
    }
}

impl<T> TextMap<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `key` is, or where it would go.
    fn place(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.place(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.place(key).ok().map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.place(key).is_ok()
    }

    /// Sets `key` to `value`, giving back the value it replaced.
    pub fn insert(&mut self, key: String, value: T) -> Option<T> {
        match self.place(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<T> {
        self.place(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value of `key`, made by `make` first if there is none.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> T) -> &mut T {
        let i = match self.place(key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key.to_string(), make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<T> Index<&str> for TextMap<T> {
    type Output = T;

    fn index(&self, key: &str) -> &T {
        // The key as text, not `{key:?}`: a str's Debug (its escaping)
        // would add 616 bytes gzipped to a class link's first load (with
        // `use_progress`'s message, the only other use on its path).
        self.get(key).unwrap_or_else(|| panic!("no entry {key}"))
    }
}
