package org.kesra.performance.agreement;

/** A revision is edited while DRAFT; once AGREED it is frozen and a change starts a new revision. */
public enum AgreementStatus {
    DRAFT, AGREED
}
