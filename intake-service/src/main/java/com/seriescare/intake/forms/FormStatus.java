package com.seriescare.intake.forms;

/** Where a form stands. Only an open form can be filled in; a closed one belongs to a cancelled session. */
public enum FormStatus {
    REQUESTED,
    OVERDUE,
    COMPLETED,
    CLOSED;

    public boolean isOpen() {
        return this == REQUESTED || this == OVERDUE;
    }
}
