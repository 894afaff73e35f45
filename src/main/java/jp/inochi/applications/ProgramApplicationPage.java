package jp.inochi.applications;

/** The program application's page, for the loan application's form on it that must show it again after an error. */
public interface ProgramApplicationPage extends ApplicationPage {
}
