/** Discord's message limits, in one place. Every payload the bot builds is held against these. */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotalChars: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * A Components V2 message (flag IS_COMPONENTS_V2): no content and no embeds, every word in Text Displays.
 * Containers hold text displays, sections, separators and action rows; a section holds one to three text displays
 * and one accessory (a button); an action row holds up to five buttons. Nothing nests deeper than that.
 */
export const V2_LIMITS = {
  /** Every component of a message counted, nested ones included (containers, rows, buttons, accessories). */
  componentsPerMessage: 40,
  /** The characters of all Text Displays of a message together. */
  textPerMessage: 4000,
  /** One Text Display's content (also at least 1). */
  textDisplay: 4000,
  /** Text displays in one section. */
  textsPerSection: 3,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** A link button's url. */
  linkUrl: 512,
  /** Container > section or action row > button: three levels below the message. */
  depth: 3,
  accentColorMax: 0xffffff,
  /** Items in one media gallery. */
  galleryItems: 10,
  /** A media item's alt text. */
  mediaDescription: 1024,
  /** Files on one message. */
  filesPerMessage: 10,
  /** All files of a message together, for a bot in a server without boosts. */
  uploadBytes: 10 * 1024 * 1024,
} as const;
