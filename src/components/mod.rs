pub mod download;
pub mod hand_in;
pub mod markup;
pub mod notices;
pub mod qr;
pub mod question;
pub mod title;
pub mod update;
