//! Everything a user can do, as one enum. Keys map to these in `keymap.rs`;
//! `App::update` carries them out.

use crate::model::screener::Answer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Show or open what is selected (a section, a category, an indicator).
    Open,
    /// Collapse a tree node or go to its parent.
    Back,
    /// Expand or collapse a tree node.
    Toggle,
    Rate(u8),
    NotApplicable,
    ToggleUnsure,
    NextOpenItem,
    PrevOpenItem,
    Explain,
    EditProfile,
    Search,
    SearchNext,
    SearchPrev,
    EndSearch,
    EditNotes,
    AddEvidence,
    AddAction,
    DeleteItem,
    Answer(Answer),
    /// Close an overlay or cancel an edit.
    Close,
    /// Keep an edit (notes editor, form).
    Submit,
    NextField,
    PrevField,
    Yes,
    No,
    /// Save now.
    Save,
    /// Write the open assessment as a report or spreadsheet.
    Export,
    /// Open the library of saved assessments.
    Library,
    NewAssessment,
    NextCycle,
    CopyAssessment,
    RenameAssessment,
    DeleteAssessment,
    ToggleTrash,
    ImportAssessment,
    SaveCopyAs,
    /// Mark or unmark a library entry for comparing.
    Mark,
    /// Roll up across programs: the marked assessments, or every one.
    RollUp,
    /// The next order of the roll-up's indicators.
    Sort,
    /// Open the marked assessments side by side.
    CompareMarked,
    Filter(Filter),
    ScrollLeft,
    ScrollRight,
    ToggleTrend,
    StartConsensus,
    /// Say who you are: your name and whom you speak for.
    WhoAmI,
    /// Who changed what in the open assessment.
    ShowLog,
    /// Give the terminal back to the shell for now (Ctrl-Z).
    Suspend,
    /// Put back the draft a session left, to go on typing it.
    RestoreDraft,
    /// Throw away the draft a session left.
    DiscardDraft,
}

/// Which rows the compare view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Differences,
    Regressions,
    UnsureOrNa,
    OpenActions,
}

impl Filter {
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all indicators",
            Filter::Differences => "only differences",
            Filter::Regressions => "only regressions",
            Filter::UnsureOrNa => "only unsure or N/A",
            Filter::OpenActions => "only with open action items",
        }
    }
}
