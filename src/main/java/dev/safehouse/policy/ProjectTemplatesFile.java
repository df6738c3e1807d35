package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code projects/templates.yaml}: a map {@code templates} from template name to its title,
 * description and rules (see {@link RulesOverlay}), in file order.
 */
final class ProjectTemplatesFile {
  /** The file's path under the policies directory. */
  static final String PATH = "projects/templates.yaml";

  private ProjectTemplatesFile() {}

  /**
   * Maps a document valid against {@link PolicySchema#TEMPLATES} to its templates.
   *
   * @return the templates; those with inconsistent rules are left out and recorded in {@code
   *     problems}
   */
  static List<ProjectTemplate> read(YamlDocument doc, PolicyProblems problems) {
    List<ProjectTemplate> templates = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = doc.root().path("templates").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String pointer = "/templates/" + FieldPath.escape(entry.getKey());
      Optional<DisclosureRules> rules =
          RulesOverlay.apply(doc, pointer, ProjectTemplate.DEFAULT_RULES, problems);
      rules.ifPresent(
          r ->
              templates.add(
                  new ProjectTemplate(
                      entry.getKey(),
                      entry.getValue().path("title").asText(),
                      entry.getValue().path("description").asText(),
                      r)));
    }
    return List.copyOf(templates);
  }
}
