package lv.opengov.reporting.plan;

/** Institutions for tests that need one the plan does not have, e.g. one that reads its mail in English. */
public final class TestInstitutions {

    private TestInstitutions() {
    }

    /** An institution as an import would make it, not stored. */
    public static Institution unsaved(String code, String nameLv, String nameEn, String contactEmail,
            String language) {
        Institution institution = new Institution(code);
        institution.update(nameLv, nameEn, contactEmail, null, language);
        return institution;
    }
}
