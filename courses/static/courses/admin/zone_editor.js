/* Zone editor: the trainer draws the target zones of a "tap the right place" step on its screenshot.
 *
 * A Stimulus controller ("zone-editor") registered on Wagtail's own Stimulus application, so it connects
 * whenever the widget enters the page — including blocks added to the StreamField after load.
 * Zones are stored in the hidden input as JSON: [{"x": .., "y": .., "w": .., "h": ..}], fractions (0–1)
 * of the image, so they hold at any display size. Every string shown comes from the Django template
 * (data-zone-editor-*-text-value attributes), already translated.
 */
(() => {
  "use strict";

  const MIN_SIZE = 0.01; // smallest side of a zone, as a fraction of the image
  const MIN_PIXELS = 6; // a shorter drag is a click, not a zone
  const STEP = 0.01; // keyboard step; 0.05 with Ctrl/Cmd
  const NEW_ZONE = 0.2; // side of a zone added from the keyboard

  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  const round = (value) => Math.round(value * 10000) / 10000;
  const format = (text, params) => (text || "").replace(/\{(\w+)\}/g, (match, key) => (key in params ? params[key] : match));

  function cleanZone(zone) {
    const w = clamp(Number(zone.w), MIN_SIZE, 1);
    const h = clamp(Number(zone.h), MIN_SIZE, 1);
    return {
      x: round(clamp(Number(zone.x), 0, 1 - w)),
      y: round(clamp(Number(zone.y), 0, 1 - h)),
      w: round(w),
      h: round(h),
    };
  }

  function defineController(Controller) {
    return class ZoneEditorController extends Controller {
      static targets = ["input", "stage", "image", "zones", "status", "addButton"];

      static values = {
        imageUrl: String,
        imageField: { type: String, default: "image" },
        noImageText: String,
        loadingText: String,
        loadErrorText: String,
        imageChangedText: String,
        countText: String,
        zoneText: String,
        zoneHelpText: String,
        removeText: String,
        addedText: String,
        removedText: String,
      };

      connect() {
        this.zones = this.readZones();
        this.imageId = null;
        this.notice = "";
        this.gesture = null;

        this.handleScopeChange = this.handleScopeChange.bind(this);
        this.handlePointerDown = this.handlePointerDown.bind(this);
        this.handlePointerMove = this.handlePointerMove.bind(this);
        this.handlePointerUp = this.handlePointerUp.bind(this);
        this.handlePointerCancel = this.handlePointerCancel.bind(this);
        this.handleClick = this.handleClick.bind(this);
        this.handleKeyDown = this.handleKeyDown.bind(this);
        this.handleImageLoad = this.handleImageLoad.bind(this);
        this.handleImageError = this.handleImageError.bind(this);

        this.imageScope = this.findImageScope();
        // The image chooser fires a bubbling "change" on its hidden input whenever another image is chosen.
        (this.imageScope || document).addEventListener("change", this.handleScopeChange);
        const zones = this.zonesTarget;
        zones.addEventListener("pointerdown", this.handlePointerDown);
        zones.addEventListener("pointermove", this.handlePointerMove);
        zones.addEventListener("pointerup", this.handlePointerUp);
        zones.addEventListener("pointercancel", this.handlePointerCancel);
        zones.addEventListener("click", this.handleClick);
        zones.addEventListener("keydown", this.handleKeyDown);
        this.imageTarget.addEventListener("load", this.handleImageLoad);
        this.imageTarget.addEventListener("error", this.handleImageError);

        this.ensureHelpElement();
        this.render();
        this.loadImage(false);
      }

      disconnect() {
        (this.imageScope || document).removeEventListener("change", this.handleScopeChange);
        const zones = this.zonesTarget;
        zones.removeEventListener("pointerdown", this.handlePointerDown);
        zones.removeEventListener("pointermove", this.handlePointerMove);
        zones.removeEventListener("pointerup", this.handlePointerUp);
        zones.removeEventListener("pointercancel", this.handlePointerCancel);
        zones.removeEventListener("click", this.handleClick);
        zones.removeEventListener("keydown", this.handleKeyDown);
        this.imageTarget.removeEventListener("load", this.handleImageLoad);
        this.imageTarget.removeEventListener("error", this.handleImageError);
        if (this.request) this.request.abort();
      }

      /* ---- the sibling image chooser ---- */

      findImageScope() {
        // Wagtail renders each child of a StructBlock in a <div data-contentpath="name">; the image chooser
        // is the nearest one named like imageField among the ancestors' descendants.
        const selector = `[data-contentpath="${CSS.escape(this.imageFieldValue)}"]`;
        const own = this.element.closest("[data-contentpath]");
        let node = (own || this.element).parentElement;
        while (node && node !== document.body) {
          if (node.querySelector(selector)) return node;
          node = node.parentElement;
        }
        return null;
      }

      imageInput() {
        if (!this.imageScope) return null;
        const wrapper = this.imageScope.querySelector(`[data-contentpath="${CSS.escape(this.imageFieldValue)}"]`);
        return wrapper ? wrapper.querySelector('input[type="hidden"]') : null;
      }

      handleScopeChange(event) {
        const input = this.imageInput();
        if (input && event.target === input) this.loadImage(true);
      }

      loadImage(changed) {
        const input = this.imageInput();
        const id = input ? input.value : "";
        if (id === this.imageId) return;
        this.imageId = id;
        if (this.request) this.request.abort();
        if (changed && this.zones.length) this.notice = this.imageChangedTextValue;
        if (!id) {
          this.showStage(false);
          this.setStatus(this.noImageTextValue);
          return;
        }
        this.setStatus(this.loadingTextValue);
        this.request = new AbortController();
        const url = `${this.imageUrlValue}?id=${encodeURIComponent(id)}`;
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, signal: this.request.signal })
          .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
          .then((data) => {
            if (this.imageId !== id) return;
            const image = this.imageTarget;
            image.width = data.width;
            image.height = data.height;
            image.src = data.url;
          })
          .catch((error) => {
            if (error.name === "AbortError" || this.imageId !== id) return;
            this.showStage(false);
            this.setStatus(this.loadErrorTextValue);
          });
      }

      handleImageLoad() {
        this.showStage(true);
        this.updateStatus();
      }

      handleImageError() {
        this.showStage(false);
        this.setStatus(this.loadErrorTextValue);
      }

      showStage(visible) {
        this.stageTarget.hidden = !visible;
        if (this.hasAddButtonTarget) this.addButtonTarget.hidden = !visible;
      }

      /* ---- state ---- */

      readZones() {
        try {
          const value = JSON.parse(this.inputTarget.value || "[]");
          if (!Array.isArray(value)) return [];
          return value
            .filter((zone) => zone && ["x", "y", "w", "h"].every((key) => Number.isFinite(Number(zone[key]))))
            .map(cleanZone);
        } catch {
          return []; // a damaged value: the server says so; drawing again replaces it
        }
      }

      save() {
        this.zones = this.zones.map(cleanZone);
        const value = JSON.stringify(this.zones);
        // The server writes the value the same way (courses.zones.zones_json): a zone moved back where it
        // was, or a click that moved nothing, is no change — no draft, no autosave.
        if (value === this.inputTarget.value) return;
        this.inputTarget.value = value;
        // Let Wagtail know the form changed (unsaved-changes warning, preview refresh).
        this.inputTarget.dispatchEvent(new Event("input", { bubbles: true }));
        this.inputTarget.dispatchEvent(new Event("change", { bubbles: true }));
      }

      setStatus(text) {
        this.statusTarget.textContent = text;
      }

      updateStatus(message) {
        const parts = [message, format(this.countTextValue, { count: this.zones.length }), this.notice];
        this.setStatus(parts.filter(Boolean).join(" "));
      }

      /* ---- drawing ---- */

      ensureHelpElement() {
        this.helpId = `${this.inputTarget.id || "zone-editor"}-zone-help`;
        if (!this.element.querySelector(`[id="${CSS.escape(this.helpId)}"]`)) {
          const help = document.createElement("span");
          help.id = this.helpId;
          help.className = "zone-editor__sr-only";
          help.textContent = this.zoneHelpTextValue;
          this.element.append(help);
        }
      }

      render(focusIndex = null) {
        const layer = this.zonesTarget;
        layer.querySelectorAll(".zone-editor__zone").forEach((element) => element.remove());
        this.zones.forEach((zone, index) => {
          const number = index + 1;
          const element = document.createElement("div");
          element.className = "zone-editor__zone";
          element.tabIndex = 0;
          element.dataset.index = String(index);
          element.setAttribute("role", "group");
          element.setAttribute("aria-label", format(this.zoneTextValue, { number }));
          element.setAttribute("aria-describedby", this.helpId);
          this.place(element, zone);

          const label = document.createElement("span");
          label.className = "zone-editor__number";
          label.setAttribute("aria-hidden", "true");
          label.textContent = String(number);

          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "zone-editor__remove";
          remove.dataset.index = String(index);
          remove.title = format(this.removeTextValue, { number });
          remove.setAttribute("aria-label", remove.title);
          remove.textContent = "×";

          element.append(label, remove);
          layer.append(element);
        });
        if (focusIndex !== null) {
          const target = layer.querySelector(`.zone-editor__zone[data-index="${focusIndex}"]`);
          (target || (this.hasAddButtonTarget && !this.addButtonTarget.hidden ? this.addButtonTarget : null))?.focus();
        }
      }

      place(element, zone) {
        // Image coordinates are physical (left/top), whatever the writing direction of the admin.
        element.style.left = `${zone.x * 100}%`;
        element.style.top = `${zone.y * 100}%`;
        element.style.width = `${zone.w * 100}%`;
        element.style.height = `${zone.h * 100}%`;
      }

      pointFrom(event) {
        const box = this.zonesTarget.getBoundingClientRect();
        return {
          x: clamp((event.clientX - box.left) / box.width, 0, 1),
          y: clamp((event.clientY - box.top) / box.height, 0, 1),
          px: event.clientX,
          py: event.clientY,
        };
      }

      handlePointerDown(event) {
        if (event.button !== 0 || event.target.closest(".zone-editor__remove")) return;
        event.preventDefault();
        const start = this.pointFrom(event);
        const zoneElement = event.target.closest(".zone-editor__zone");
        if (zoneElement) {
          const index = Number(zoneElement.dataset.index);
          zoneElement.focus({ preventScroll: true });
          this.gesture = { kind: "move", start, index, element: zoneElement, origin: { ...this.zones[index] } };
        } else {
          const element = document.createElement("div");
          element.className = "zone-editor__zone zone-editor__zone--draft";
          this.zonesTarget.append(element);
          this.gesture = { kind: "draw", start, element };
          this.place(element, { x: start.x, y: start.y, w: 0, h: 0 });
        }
        this.zonesTarget.setPointerCapture(event.pointerId);
      }

      handlePointerMove(event) {
        const gesture = this.gesture;
        if (!gesture) return;
        const point = this.pointFrom(event);
        if (gesture.kind === "draw") {
          gesture.zone = {
            x: Math.min(gesture.start.x, point.x),
            y: Math.min(gesture.start.y, point.y),
            w: Math.abs(point.x - gesture.start.x),
            h: Math.abs(point.y - gesture.start.y),
          };
          gesture.pixels = Math.max(Math.abs(point.px - gesture.start.px), Math.abs(point.py - gesture.start.py));
          this.place(gesture.element, gesture.zone);
        } else {
          const { origin } = gesture;
          gesture.pixels = Math.max(Math.abs(point.px - gesture.start.px), Math.abs(point.py - gesture.start.py));
          gesture.zone = {
            ...origin,
            x: clamp(origin.x + point.x - gesture.start.x, 0, 1 - origin.w),
            y: clamp(origin.y + point.y - gesture.start.y, 0, 1 - origin.h),
          };
          this.place(gesture.element, gesture.zone);
        }
      }

      handlePointerUp(event) {
        const gesture = this.gesture;
        if (!gesture) return;
        this.gesture = null;
        if (this.zonesTarget.hasPointerCapture(event.pointerId)) this.zonesTarget.releasePointerCapture(event.pointerId);
        if (gesture.kind === "draw") {
          gesture.element.remove();
          const zone = gesture.zone;
          if (!zone || gesture.pixels < MIN_PIXELS || zone.w < MIN_SIZE || zone.h < MIN_SIZE) return;
          this.zones.push(zone);
          this.save();
          this.render();
          this.notice = "";
          this.updateStatus(format(this.addedTextValue, { number: this.zones.length }));
        } else if (gesture.zone && gesture.pixels < MIN_PIXELS) {
          this.place(gesture.element, gesture.origin); // a click (to pick the zone) that slipped a little
        } else if (gesture.zone) {
          this.zones[gesture.index] = gesture.zone;
          this.save();
          this.render(gesture.index);
        }
      }

      handlePointerCancel() {
        const gesture = this.gesture;
        this.gesture = null;
        if (!gesture) return;
        if (gesture.kind === "draw") gesture.element.remove();
        else this.place(gesture.element, gesture.origin);
      }

      handleClick(event) {
        const button = event.target.closest(".zone-editor__remove");
        if (button) this.removeZone(Number(button.dataset.index));
      }

      removeZone(index) {
        if (!(index >= 0 && index < this.zones.length)) return;
        this.zones.splice(index, 1);
        this.save();
        this.render(this.zones.length ? Math.min(index, this.zones.length - 1) : null);
        if (!this.zones.length && this.hasAddButtonTarget) this.addButtonTarget.focus();
        this.updateStatus(format(this.removedTextValue, { number: index + 1 }));
      }

      /* ---- keyboard ---- */

      addZone() {
        const offset = (this.zones.length % 5) * 0.05;
        this.zones.push(cleanZone({ x: 0.4 - offset, y: 0.4 - offset, w: NEW_ZONE, h: NEW_ZONE }));
        this.save();
        this.render(this.zones.length - 1);
        this.notice = "";
        this.updateStatus(format(this.addedTextValue, { number: this.zones.length }));
      }

      handleKeyDown(event) {
        const element = event.target.closest(".zone-editor__zone");
        if (!element || event.target !== element) return;
        const index = Number(element.dataset.index);
        if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          this.removeZone(index);
          return;
        }
        const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
        const move = moves[event.key];
        if (!move) return;
        event.preventDefault();
        const step = event.ctrlKey || event.metaKey ? STEP * 5 : STEP;
        const zone = { ...this.zones[index] };
        if (event.shiftKey) {
          zone.w = clamp(zone.w + move[0] * step, MIN_SIZE, 1 - zone.x);
          zone.h = clamp(zone.h + move[1] * step, MIN_SIZE, 1 - zone.y);
        } else {
          zone.x = clamp(zone.x + move[0] * step, 0, 1 - zone.w);
          zone.y = clamp(zone.y + move[1] * step, 0, 1 - zone.h);
        }
        this.zones[index] = zone;
        this.place(element, zone);
        this.save();
      }
    };
  }

  function register() {
    const wagtail = window.wagtail;
    if (!wagtail || !wagtail.app || !window.StimulusModule) return false;
    wagtail.app.register("zone-editor", defineController(window.StimulusModule.Controller));
    return true;
  }

  if (!register()) document.addEventListener("DOMContentLoaded", register, { once: true });
})();
