pub mod markup;
pub mod notices;
pub mod question;
pub mod title;
pub mod update;
