package dev.candor.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN.md, checked: app → adapters → bot-core; the core imports no
 * platform, HTTP server or launcher; adapters never import each other.
 */
class DependencyRuleTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importCandor() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.candor");
  }

  @Test
  void theCoreImportsNoPlatformHttpServerOrLauncher() {
    noClasses()
        .that()
        .resideInAPackage("dev.candor.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "com.microsoft.bot..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "javax.servlet..",
            "dev.candor.app..",
            "dev.candor.adapters..")
        .check(classes);
  }

  @Test
  void slackDoesNotImportTeamsOrConsole() {
    noClasses()
        .that()
        .resideInAPackage("dev.candor.adapters.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.candor.adapters.teams..",
            "dev.candor.adapters.console..",
            "com.microsoft.bot..",
            "dev.candor.app..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void teamsDoesNotImportSlackOrConsole() {
    noClasses()
        .that()
        .resideInAPackage("dev.candor.adapters.teams..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.candor.adapters.slack..",
            "dev.candor.adapters.console..",
            "com.slack..",
            "dev.candor.app..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void consoleDoesNotImportSlackOrTeams() {
    noClasses()
        .that()
        .resideInAPackage("dev.candor.adapters.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.candor.adapters.slack..",
            "dev.candor.adapters.teams..",
            "com.slack..",
            "com.microsoft.bot..",
            "dev.candor.app..")
        .check(classes);
  }
}
