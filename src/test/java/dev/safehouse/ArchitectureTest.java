package dev.safehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;

/** The dependency rules of STYLE.md, checked so that reviewers need not. */
@AnalyzeClasses(packages = "dev.safehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] PLAIN_JAVA_PACKAGES = {
    "dev.safehouse.enclave..",
    "dev.safehouse.policy..",
    "dev.safehouse.query..",
    "dev.safehouse.privacy..",
    "dev.safehouse.scoring..",
    "dev.safehouse.audit..",
    "dev.safehouse.crypto..",
    "dev.safehouse.common.."
  };

  @ArchTest
  static final ArchRule onlyCryptoImportsCryptoLibraries =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.safehouse.crypto..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.crypto.tink..", "org.bouncycastle..", "javax.crypto..")
          .because("the cipher is created in exactly one package (STYLE.md)");

  @ArchTest
  static final ArchRule plainJavaPackagesImportNoFramework =
      noClasses()
          .that()
          .resideInAnyPackage(PLAIN_JAVA_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..", "io.smallrye.mutiny..")
          .because("the enclave process and the CLI reuse these packages without Quarkus");

  @ArchTest
  static final ArchRule enclaveProcessHasNoListenerDatabaseOrFileWrites =
      noClasses()
          .that()
          .resideInAPackage("dev.safehouse.enclave..")
          .and()
          .resideOutsideOfPackage("dev.safehouse.enclave.host..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.ServerSocket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.DatagramSocket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileOutputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileWriter")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net.http..", "org.postgresql..", "io.zonky..")
          .because("the enclave has no network listener, no database and no disk writes");

  @ArchTest
  static final ArchRule onlyTheEnclaveStoreUsesJdbc =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.safehouse.enclave.store..")
          .and()
          .resideInAPackage("dev.safehouse.enclave..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.duckdb..")
          .because("plaintext tables live only in the store's in-memory DuckDB");

  @ArchTest
  static final ArchRule enclaveProcessWritesNoFiles =
      noClasses()
          .that()
          .resideInAPackage("dev.safehouse.enclave..")
          .and()
          .resideOutsideOfPackage("dev.safehouse.enclave.host..")
          .should()
          .callMethodWhere(
              JavaCall.Predicates.target(
                      HasOwner.Predicates.With.<JavaClass>owner(
                          JavaClass.Predicates.equivalentTo(Files.class)))
                  .and(
                      JavaCall.Predicates.target(
                          HasName.Predicates.nameMatching(
                              "write.*|newOutputStream|newBufferedWriter|newByteChannel|create.*|copy|move|delete.*"))))
          .because("plaintext exists only in the enclave's memory, never on disk");

  @ArchTest
  static final ArchRule enclaveProcessDoesNotReachTheHost =
      noClasses()
          .that()
          .resideInAPackage("dev.safehouse.enclave..")
          .and()
          .resideOutsideOfPackage("dev.safehouse.enclave.host..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.safehouse.api..",
              "dev.safehouse.service..",
              "dev.safehouse.storage..",
              "dev.safehouse.config..",
              "dev.safehouse.enclave.host..")
          .because("the trusted computing base stays small");

  @ArchTest
  static final ArchRule commonDependsOnlyOnTheJdk =
      classes()
          .that()
          .resideInAPackage("dev.safehouse.common..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.safehouse.common..", "java..")
          .because("every package, the enclave and the CLI depend on common");
}
