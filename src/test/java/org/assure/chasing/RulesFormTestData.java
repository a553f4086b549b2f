package org.assure.chasing;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules form as the page shows it (every input, textarea and ticked box), with some fields changed. */
final class RulesFormTestData {
    private RulesFormTestData() {
    }

    static List<Map.Entry<String, String>> defaultsWith(String page, String... changes) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        Map<String, String> changed = new java.util.HashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        Matcher inputs = Pattern.compile("<input class=\"govuk-input[^\"]*\"\\s+id=\"[^\"]*\" name=\"([^\"]+)\" type=\"text\" value=\"([^\"]*)\"").matcher(page);
        while (inputs.find()) {
            f.add(Map.entry(inputs.group(1), changed.getOrDefault(inputs.group(1), unescape(inputs.group(2)))));
        }
        Matcher areas = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(page);
        while (areas.find()) {
            f.add(Map.entry(areas.group(1), changed.getOrDefault(areas.group(1), unescape(areas.group(2)))));
        }
        Matcher ticked = Pattern.compile("name=\"([^\"]+)\" type=\"(?:checkbox|radio)\" value=\"([^\"]*)\" checked").matcher(page);
        while (ticked.find()) {
            f.add(Map.entry(ticked.group(1), ticked.group(2)));
        }
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([a-z0-9-]+-added)\" value=\"true\">").matcher(page);
        while (hidden.find()) {
            f.add(Map.entry(hidden.group(1), "true"));
        }
        return f;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
