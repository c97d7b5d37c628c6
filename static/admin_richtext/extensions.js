/*
 * The site's own extensions of django-prose-editor (configured in core/richtext_editor.py).
 *
 * - InternalLink: a toolbar button that searches the site's pages by title (the staff-only
 *   chooser endpoint, website/link_chooser.py) and links the selection, or inserts the
 *   page's title as a link, to its language-neutral public address (/news/slug/).
 * - CleanPaste: what Word and Google Docs put on the clipboard reduced to structure
 *   (headings, lists, links, tables, bold and italic) before the editor parses it.
 * - TableHeader: header cells say what they head (scope), for screen readers.
 * - Table: "insert table" offers a header row, ticked by default, and asks for a caption; a
 *   table's caption (an attribute of the table node: ProseMirror tables hold rows only) is
 *   written as its <caption> and edited with the "Table caption" button. The server moves
 *   the header row into <thead> (core/richtext.py, accessible_tables).
 * - Each editor's writing area is named after its field's label, its menu bar is a named
 *   toolbar, and the menu's button titles (English in the library) are translated through
 *   the admin's JavaScript catalogue (djangojs in locale/); each button's accessible name is
 *   that translated title, and its icon's ligature is hidden from screen readers (replaced by
 *   the words when the icon font is missing).
 *
 * The sanitiser on the server (core/richtext.py) stays the record; these only keep the
 * editor from producing what it would strip.
 */
import {
  Extension,
  Plugin,
  Table as BaseTable,
  TableHeader as BaseTableHeader,
  gettext,
  updateAttrsDialog,
} from "django-prose-editor/editor"

import { cleanPastedHTML } from "./paste.js"

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value
    else node.setAttribute(name, value)
  }
  node.append(...children)
  return node
}

function labelEditor({ detail: { editor, textarea } }) {
  const label = document.querySelector(`label[for="${textarea.id}"]`)
  const name = label ? label.textContent.replace(/:\s*$/, "").trim() : textarea.name
  editor.view.dom.setAttribute("aria-label", name)
  whenMenubar(textarea.closest(".prose-editor"), (menubar) => labelMenubar(menubar, name))
}

/* The menu bar is put in place by the menu extension's `onCreate`, which may come after the
 * editor says it is ready. */
function whenMenubar(container, callback) {
  const found = container?.querySelector(".prose-menubar")
  if (found) return callback(found)
  if (!container) return
  const observer = new MutationObserver(() => {
    const menubar = container.querySelector(".prose-menubar")
    if (!menubar) return
    observer.disconnect()
    callback(menubar)
  })
  observer.observe(container, { childList: true, subtree: true })
}

function labelMenubar(menubar, name) {
  menubar.setAttribute("role", "toolbar")
  menubar.setAttribute("aria-label", interpolate(gettext("Formatting: %s"), [name]))
  for (const button of menubar.querySelectorAll("[title]")) {
    const title = gettext(button.getAttribute("title"))
    button.setAttribute("title", title)
    button.setAttribute("aria-label", title)
    if (button.classList.contains("material-icons")) labelIcon(button, title)
  }
  iconFontMissing().then((missing) => menubar.classList.toggle("prose-menubar--words", missing))
}

/* A button whose text is an icon font's ligature ("format_bold") reads that word to a screen
 * reader, and shows it when the font is missing: the ligature is hidden from assistive
 * technology, and the translated label (the tooltip) is the button's text, visually hidden
 * while the icons show. */
function labelIcon(button, title) {
  const icon = element("span", { class: "material-icons", "aria-hidden": "true", text: button.textContent })
  button.classList.remove("material-icons")
  button.replaceChildren(icon, element("span", { class: "prose-menubar__label", text: title }))
}

let fontCheck = null

function iconFontMissing() {
  fontCheck ??= document.fonts
    .load('1em "Material Icons"', "format_bold")
    .then((faces) => faces.length === 0)
    .catch(() => true)
  return fontCheck
}

document.addEventListener("prose-editor:ready", labelEditor)

let dialogCount = 0

/* The chooser: a modal dialog with a search box, a list of results (each a button) and a
 * "more results" button; Escape or Cancel closes it and gives the focus back. */
function chooseLink(editor, chooserUrl) {
  const id = `internal-link-${++dialogCount}`
  const search = element("input", { id: `${id}-q`, type: "search", autocomplete: "off" })
  const status = element("p", { class: "internal-link-status", role: "status" })
  const results = element("ul", { class: "internal-link-results", id: `${id}-results` })
  const more = element("button", { type: "button", hidden: "", text: gettext("More results") })
  const cancel = element("button", { type: "button", text: gettext("Cancel") })
  const dialog = element("dialog", { class: "prose-editor-dialog internal-link-dialog", "aria-labelledby": `${id}-title` }, [
    element("h3", { class: "prose-editor-dialog-title", id: `${id}-title`, text: gettext("Link to a page on this site") }),
    element("div", { class: "prose-editor-dialog-field" }, [
      element("label", { for: search.id, text: gettext("Search by title") }),
      search,
    ]),
    status,
    results,
    element("div", { class: "prose-editor-dialog-buttons" }, [more, cancel]),
  ])
  editor.view.dom.parentElement.append(dialog)

  let nextPage = null
  let timer = null
  let controller = null

  function choose(item) {
    dialog.close()
    const chain = editor.chain().focus()
    if (editor.state.selection.empty) {
      chain
        .insertContent({ type: "text", text: item.title, marks: [{ type: "link", attrs: { href: item.url } }] })
        .run()
    } else {
      chain.extendMarkRange("link").setLink({ href: item.url }).run()
    }
  }

  function render(data, append) {
    if (!append) results.replaceChildren()
    for (const item of data.results) {
      const button = element("button", { type: "button", "data-url": item.url }, [
        element("span", { class: "internal-link-title", text: item.title }),
        element("span", { class: "internal-link-meta", text: `${item.kind} · ${item.url}${item.live ? "" : ` · ${gettext("not live")}`}` }),
      ])
      button.addEventListener("click", () => choose(item))
      results.append(element("li", {}, [button]))
    }
    nextPage = data.next_page
    more.hidden = !nextPage
    status.textContent = results.children.length
      ? interpolate(ngettext("%s result", "%s results", data.count), [data.count])
      : gettext("Nothing found.")
  }

  async function load(page, append) {
    const q = search.value.trim()
    if (!q) {
      results.replaceChildren()
      status.textContent = ""
      more.hidden = true
      return
    }
    controller?.abort()
    controller = new AbortController()
    const url = new URL(chooserUrl, window.location.href)
    url.searchParams.set("q", q)
    url.searchParams.set("page", page)
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      if (!response.ok) throw new Error(response.statusText)
      render(await response.json(), append)
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = gettext("The search failed; try again.")
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(() => load(1, false), 250)
  })
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault()
      clearTimeout(timer)
      load(1, false)
    }
  })
  more.addEventListener("click", () => load(nextPage, true))
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => {
    controller?.abort()
    dialog.remove()
  })
  dialog.showModal()
  search.focus()
}

export const InternalLink = Extension.create({
  name: "InternalLink",

  addOptions() {
    return { chooserUrl: "" }
  },

  addMenuItems({ buttons, menu }) {
    if (!this.options.chooserUrl) return
    menu.defineItem({
      name: "internalLink",
      groups: "link",
      command: (editor) => chooseLink(editor, this.options.chooserUrl),
      button: buttons.material("find_in_page", gettext("Link to a page on this site")),
    })
  },
})

export const CleanPaste = Extension.create({
  name: "CleanPaste",

  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })]
  },
})

export const TableHeader = BaseTableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      scope: {
        default: "col",
        parseHTML: (node) => (node.getAttribute("scope") === "row" ? "row" : "col"),
        renderHTML: (attributes) => ({ scope: attributes.scope }),
      },
    }
  },
})

const tableDialog = updateAttrsDialog(
  {
    rows: { type: "number", title: gettext("Rows"), format: "number", default: "3", min: "1", max: "100" },
    cols: { type: "number", title: gettext("Columns"), format: "number", default: "3", min: "1", max: "100" },
    caption: { type: "string", title: gettext("Caption (what the table shows)"), default: "" },
    withHeaderRow: { type: "boolean", title: gettext("Include header row"), default: true },
  },
  { title: gettext("Table Properties"), submitText: gettext("Insert Table") },
)

const captionDialog = updateAttrsDialog(
  { caption: { type: "string", title: gettext("Caption (what the table shows)"), default: "" } },
  { title: gettext("Table caption"), submitText: gettext("Update") },
)

function captionOf(table) {
  const caption = [...table.children].find((child) => child.localName === "caption")
  return caption ? caption.textContent.replace(/\s+/g, " ").trim() : ""
}

export const Table = BaseTable.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: { default: "", parseHTML: captionOf, renderHTML: () => ({}) },
    }
  },

  parseHTML() {
    // The caption is the table's attribute: its words must not become a row.
    return [...(this.parent?.() || [{ tag: "table" }]), { tag: "caption", ignore: true }]
  },

  renderHTML(props) {
    const spec = this.parent?.(props)
    const caption = props.node.attrs.caption
    if (!caption) return spec
    const table = spec[0] === "table" ? spec : spec[2]
    table.splice(2, 0, ["caption", {}, caption])
    return spec
  },

  addMenuItems(args) {
    this.parent?.(args)
    const { buttons, menu } = args
    menu.defineItem({
      name: "table:caption",
      groups: "table",
      command: (editor) => {
        const { caption } = editor.getAttributes("table")
        captionDialog(editor, { caption: caption || "" }).then((values) => {
          if (values) editor.chain().focus().updateAttributes("table", { caption: values.caption.trim() }).run()
        })
      },
      button: buttons.material("title", gettext("Table caption")),
      hidden: (editor) => !editor.isActive("table"),
    })
  },

  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          tableDialog(editor, { rows: "3", cols: "3", caption: "", withHeaderRow: true }).then((values) => {
            if (!values) return
            editor
              .chain()
              .focus()
              .insertTable({
                rows: Number.parseInt(values.rows, 10) || 3,
                cols: Number.parseInt(values.cols, 10) || 3,
                withHeaderRow: !!values.withHeaderRow,
              })
              .updateAttributes("table", { caption: (values.caption || "").trim() })
              .run()
          })
          return true
        },
    }
  },
})
