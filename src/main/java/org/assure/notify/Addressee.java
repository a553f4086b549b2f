package org.assure.notify;

/** A person an email is written to: the name its greeting uses and the address it goes to. */
public record Addressee(String name, String address) {
}
