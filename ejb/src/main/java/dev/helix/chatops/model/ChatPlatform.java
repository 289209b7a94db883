package dev.helix.chatops.model;

/** The chat platforms Helix takes commands from. */
public enum ChatPlatform {
    DISCORD, SLACK
}
