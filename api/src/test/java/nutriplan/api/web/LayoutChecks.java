package nutriplan.api.web;

import java.util.List;

/**
 * Whether the page's layout holds, measured in the browser: no element's box reaches past its container's, and no
 * element's content spills out of its own box, except inside a container that scrolls sideways on purpose.
 */
final class LayoutChecks {

    /**
     * The script; it returns one line per fault (the element as a selector, its box and its container's), empty when
     * the layout holds.
     *
     * <ul>
     * <li>An element's container is its nearest ancestor with a box of its own ({@code display: contents} has none).
     * Its right edge must not pass the container's by more than 1 px, unless the container scrolls sideways on
     * purpose.</li>
     * <li>A scroller on purpose is one a keyboard reaches and a screen reader names: {@code overflow-x: auto} or
     * {@code scroll}, {@code tabindex="0"} and an {@code aria-label} or {@code aria-labelledby}. One with more to
     * show than it shows must also carry a visible cue: a background gradient (the scroll shadow).</li>
     * <li>Any other element must hold its content (a long word, a wide child): its {@code scrollWidth} at most its
     * {@code clientWidth} + 1 px, whether it overflows visibly or is clipped or scrolled by accident. Text inputs
     * scroll their text by nature and are left out.</li>
     * <li>Elements not rendered, visually hidden (clipped) or fixed to the window are left out.</li>
     * </ul>
     */
    static final String OVERFLOWS = """
            const onPurpose = (node) => ['auto', 'scroll'].includes(getComputedStyle(node).overflowX)
              && node.getAttribute('tabindex') === '0'
              && (node.hasAttribute('aria-label') || node.hasAttribute('aria-labelledby'));
            const clipped = (node) => {
              for (let each = node; each; each = each.parentElement) {
                const style = getComputedStyle(each);
                if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
              }
              return false;
            };
            const container = (node) => {
              let parent = node.parentElement;
              while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
              return parent;
            };
            const selector = (node) => {
              const parts = [];
              for (let each = node; each && each !== document.documentElement; each = each.parentElement) {
                let part = each.tagName.toLowerCase();
                if (each.id) { parts.unshift(`${part}#${each.id}`); break; }
                if (each.classList.length) part += '.' + [...each.classList].join('.');
                const same = [...(each.parentElement?.children ?? [])].filter((other) => other.tagName === each.tagName);
                if (same.length > 1) part += `:nth-of-type(${same.indexOf(each) + 1})`;
                parts.unshift(part);
              }
              return parts.join(' > ');
            };
            const px = (value) => `${Math.round(value * 10) / 10}px`;
            const box = (rect) => `[left ${px(rect.left)}, right ${px(rect.right)}, width ${px(rect.width)}]`;
            const faults = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
              faults.push(`the page scrolls sideways: ${root.scrollWidth}px of content in a ${root.clientWidth}px window`);
            }
            for (const node of document.body.querySelectorAll('*')) {
              if (node.getClientRects().length === 0 || clipped(node)) continue;
              const style = getComputedStyle(node);
              if (style.position === 'fixed' || style.visibility === 'hidden') continue;
              const rect = node.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              const parent = container(node);
              if (parent && !onPurpose(parent)) {
                const outer = parent.getBoundingClientRect();
                if (rect.right > outer.right + 1) {
                  faults.push(`${selector(node)} ${box(rect)} passes its container ${selector(parent)} ${box(outer)}`
                    + ` by ${px(rect.right - outer.right)}`);
                }
              }
              if (onPurpose(node)) {
                if (node.scrollWidth > node.clientWidth + 1 && !style.backgroundImage.includes('gradient')) {
                  faults.push(`${selector(node)} scrolls ${node.scrollWidth}px in ${node.clientWidth}px with no visible cue`);
                }
              } else if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(node.tagName) && node.clientWidth > 0
                  && node.scrollWidth > node.clientWidth + 1) {
                faults.push(`${selector(node)} ${box(rect)} holds ${node.scrollWidth}px of content in ${node.clientWidth}px`
                  + ` (overflow-x: ${style.overflowX})`);
              }
            }
            return faults;""";

    private LayoutChecks() {
    }

    /** The faults of the page as it is now: one line each. */
    @SuppressWarnings("unchecked")
    static List<String> overflows(Browser browser) {
        return (List<String>) browser.script(OVERFLOWS);
    }
}
