import { describe, expect, it } from "vitest";
import { maskedSecret, SecretMask } from "./secret-mask.js";

describe("SecretMask", () => {
  const mask = new SecretMask();
  mask.add("hunter22");
  mask.add("abc");
  mask.add("hunter2");

  it("replaces a whole secret", () => {
    expect(mask.apply("hunter22")).toBe(maskedSecret);
    expect(mask.apply("abc")).toBe(maskedSecret);
  });

  it("replaces secrets inside a text, the longest first", () => {
    expect(mask.apply("mysql -phunter22 && echo hunter2")).toBe("mysql -p******** && echo ********");
  });

  it("leaves short secrets inside words alone", () => {
    expect(mask.apply("abcdef")).toBe("abcdef");
  });

  it("passes other text through", () => {
    expect(mask.apply("Deploy petclinic on tomcat")).toBe("Deploy petclinic on tomcat");
    expect(new SecretMask().apply("anything")).toBe("anything");
  });
});
