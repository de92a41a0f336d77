// Run in each page by test_browser_quality_bar.py: the problems of SVG text and badges (contrast),
// selects (a dashed empty choice) and controls (no visible focus). Takes the badge selector; with hovered=true
// only the contrast of the control under the mouse (a link styled as a button kept its hover colour?).
({ badges, hovered }) => {
  const parse = (value) => {
    const m = value && value.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const over = (top, bottom) => top[3] >= 1 ? top : [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const htmlBackground = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const visible = (el) => {
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== "hidden" && s.display !== "none" && +s.opacity !== 0;
  };
  const describe = (el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40)}"`;
  const problems = [];
  const textContrast = (el, what) => {
    const behind = htmlBackground(el);
    const colour = parse(getComputedStyle(el).color);
    const r = ratio(over(colour, behind), behind);
    if (r < 4.5) problems.push(`contrast ${r.toFixed(2)}:1: ${what} ${describe(el)}`);
  };
  if (hovered) {
    for (const el of document.querySelectorAll(":hover")) if (el.matches(badges)) textContrast(el, "hovered");
    return problems;
  }

  // SVG text: against the shape drawn under its middle, else the page behind the SVG.
  for (const text of document.querySelectorAll("svg text")) {
    if (!visible(text) || !text.textContent.trim()) continue;
    text.scrollIntoView({ block: "center", inline: "center" });
    const box = text.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    let behind = null;
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === text || text.contains(el) || ["text", "tspan", "title", "svg", "g"].includes(el.tagName.toLowerCase())) continue;
      if (el instanceof SVGElement) {
        const fill = parse(getComputedStyle(el).fill);
        if (fill && fill[3] > 0) { behind = over(fill, htmlBackground(text.ownerSVGElement)); break; }
        continue;
      }
      behind = htmlBackground(el);
      break;
    }
    behind = behind || htmlBackground(text.ownerSVGElement);
    const fill = parse(getComputedStyle(text).fill);
    if (!fill) { problems.push(`contrast: ${describe(text)} has no computable fill`); continue; }
    const r = ratio(over(fill, behind), behind);
    if (r < 4.5) problems.push(`contrast ${r.toFixed(2)}:1: svg ${describe(text)}`);
  }
  window.scrollTo(0, 0);

  // Badges: their text colour against their own background, or the page's behind them.
  for (const badge of document.querySelectorAll(badges)) {
    if (visible(badge) && badge.textContent.trim()) textContrast(badge, "badge");
  }

  // Selects: a "---------" choice says nothing.
  for (const option of document.querySelectorAll("select option")) {
    if (/^\s*-{3,}\s*$/.test(option.textContent)) problems.push(`empty dashed choice in select "${option.parentElement.name}"`);
  }

  // Focus: every control the keyboard reaches shows an indicator (outline of 2px or more, or a ring).
  const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(focusable)) {
    if (el.disabled || el.closest("[inert]") || !visible(el)) continue;
    el.focus();
    if (document.activeElement !== el) continue;  // not focusable now (e.g. inside a folded <details>)
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow && s.boxShadow !== "none";
    if (!el.matches(":focus-visible") || !(outline || ring)) problems.push(`no visible focus: ${describe(el)}`);
  }
  if (document.activeElement) document.activeElement.blur();
  return problems;
}
