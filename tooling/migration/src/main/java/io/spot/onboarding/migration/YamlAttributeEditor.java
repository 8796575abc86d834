package io.spot.onboarding.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets a resource attribute ({@code DeletionPolicy: Retain}) in a YAML template by editing lines,
 * not by writing the parsed tree back: every other byte (comments, quoting, short-form tags, key
 * order) stays as the user's copy has it, so the StackSet update changes nothing else.
 */
final class YamlAttributeEditor {
    private static final Pattern RESOURCES = Pattern.compile("^[\"']?Resources[\"']?\\s*:\\s*(#.*)?$");

    private final List<String> lines;

    YamlAttributeEditor(final String text) {
        this.lines = new ArrayList<>(Arrays.asList(text.split("(?<=\n)", -1)));
    }

    String text() {
        return String.join("", lines);
    }

    /** Sets {@code attribute: value} directly under the resource {@code logicalId}; true when the text changed. */
    boolean set(final String logicalId, final String attribute, final String value) {
        final int key = resourceLine(logicalId);
        final int bodyIndent = bodyIndent(key, logicalId);
        final Pattern existing = Pattern.compile(
                "^ {" + bodyIndent + "}[\"']?" + attribute + "[\"']?\\s*:\\s*([\"']?)([^\"'#]*?)\\1\\s*(#.*)?$");
        for (int i = key + 1; i < lines.size() && inside(i, key); i++) {
            final Matcher matcher = existing.matcher(content(i));
            if (matcher.matches()) {
                if (matcher.group(2).equals(value)) {
                    return false;
                }
                lines.set(i, " ".repeat(bodyIndent) + attribute + ": " + value + ending(i));
                return true;
            }
        }
        lines.add(key + 1, " ".repeat(bodyIndent) + attribute + ": " + value + ending(key));
        return true;
    }

    private int resourceLine(final String logicalId) {
        final int section = section();
        int childIndent = -1;
        final Pattern block = Pattern.compile("^ *[\"']?" + Pattern.quote(logicalId) + "[\"']?\\s*:\\s*(#.*)?$");
        final Pattern inline = Pattern.compile("^ *[\"']?" + Pattern.quote(logicalId) + "[\"']?\\s*:\\s*\\S.*$");
        for (int i = section + 1; i < lines.size(); i++) {
            if (ignorable(i)) {
                continue;
            }
            final int indent = indent(i);
            if (indent == 0) {
                break;
            }
            if (childIndent < 0) {
                childIndent = indent;
            }
            if (indent == childIndent) {
                if (block.matcher(content(i)).matches()) {
                    return i;
                }
                if (inline.matcher(content(i)).matches()) {
                    throw new TemplateException("resource " + logicalId + " is written on one line (flow style, line "
                            + (i + 1) + "): write it as a block (one key per line) and run again");
                }
            }
        }
        throw new TemplateException("resource " + logicalId + " was not found as a block under Resources");
    }

    private int section() {
        for (int i = 0; i < lines.size(); i++) {
            if (RESOURCES.matcher(content(i)).matches()) {
                return i;
            }
        }
        throw new TemplateException(
                "no top-level 'Resources:' line: only block-style YAML or JSON templates are supported");
    }

    private int bodyIndent(final int key, final String logicalId) {
        for (int i = key + 1; i < lines.size(); i++) {
            if (!ignorable(i)) {
                if (indent(i) > indent(key)) {
                    return indent(i);
                }
                break;
            }
        }
        throw new TemplateException("resource " + logicalId + " has an empty body");
    }

    private boolean inside(final int line, final int key) {
        return ignorable(line) || indent(line) > indent(key);
    }

    private boolean ignorable(final int line) {
        final String stripped = content(line).strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private int indent(final int line) {
        final String content = content(line);
        int indent = 0;
        while (indent < content.length() && content.charAt(indent) == ' ') {
            indent++;
        }
        if (indent < content.length() && content.charAt(indent) == '\t') {
            throw new TemplateException("line " + (line + 1) + " is indented with a tab, which YAML does not allow");
        }
        return indent;
    }

    private String content(final int line) {
        final String text = lines.get(line);
        return text.substring(0, text.length() - ending(line).length());
    }

    private String ending(final int line) {
        final String text = lines.get(line);
        return text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : "";
    }
}
