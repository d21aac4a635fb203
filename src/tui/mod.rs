//! The full-screen app: keys become actions (`keymap`), `App::update`
//! changes state, `ui::render` draws it, `term` owns the terminal. What
//! both `update` and `ui` need, the lines a view shows, is in `lines`:
//! `update` never calls into `ui`.

pub mod action;
pub mod app;
pub mod backend;
pub mod checklist;
pub mod compare;
pub mod content;
pub mod detail;
pub mod dialogs;
pub mod draft;
pub mod form;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod linear;
pub mod lines;
pub mod meter;
pub mod nav;
pub mod panes;
pub mod rollup;
pub mod search;
pub mod session;
pub mod term;
pub mod theme;
pub mod ui;
pub mod wire;
