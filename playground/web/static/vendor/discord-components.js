var Bi=globalThis,Ri=Bi.ShadowRoot&&(Bi.ShadyCSS===void 0||Bi.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Ls=Symbol(),Ra=new WeakMap,di=class{constructor(t,s,e){if(this._$cssResult$=!0,e!==Ls)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=s}get styleSheet(){let t=this.o,s=this.t;if(Ri&&t===void 0){let e=s!==void 0&&s.length===1;e&&(t=Ra.get(s)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),e&&Ra.set(s,t))}return t}toString(){return this.cssText}},Ua=i=>new di(typeof i=="string"?i:i+"",void 0,Ls),R=(i,...t)=>{let s=i.length===1?i[0]:t.reduce((e,a,p)=>e+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(a)+i[p+1],i[0]);return new di(s,i,Ls)},Fa=(i,t)=>{if(Ri)i.adoptedStyleSheets=t.map(s=>s instanceof CSSStyleSheet?s:s.styleSheet);else for(let s of t){let e=document.createElement("style"),a=Bi.litNonce;a!==void 0&&e.setAttribute("nonce",a),e.textContent=s.cssText,i.appendChild(e)}},Vs=Ri?i=>i:i=>i instanceof CSSStyleSheet?(t=>{let s="";for(let e of t.cssRules)s+=e.cssText;return Ua(s)})(i):i;var{is:xr,defineProperty:zr,getOwnPropertyDescriptor:wr,getOwnPropertyNames:kr,getOwnPropertySymbols:Mr,getPrototypeOf:Tr}=Object,Ui=globalThis,qa=Ui.trustedTypes,Cr=qa?qa.emptyScript:"",$r=Ui.reactiveElementPolyfillSupport,mi=(i,t)=>i,pi={toAttribute(i,t){switch(t){case Boolean:i=i?Cr:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,t){let s=i;switch(t){case Boolean:s=i!==null;break;case Number:s=i===null?null:Number(i);break;case Object:case Array:try{s=JSON.parse(i)}catch{s=null}}return s}},Fi=(i,t)=>!xr(i,t),Za={attribute:!0,type:String,converter:pi,reflect:!1,useDefault:!1,hasChanged:Fi};Symbol.metadata??=Symbol("metadata"),Ui.litPropertyMetadata??=new WeakMap;var lt=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,s=Za){if(s.state&&(s.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((s=Object.create(s)).wrapped=!0),this.elementProperties.set(t,s),!s.noAccessor){let e=Symbol(),a=this.getPropertyDescriptor(t,e,s);a!==void 0&&zr(this.prototype,t,a)}}static getPropertyDescriptor(t,s,e){let{get:a,set:p}=wr(this.prototype,t)??{get(){return this[s]},set(o){this[s]=o}};return{get:a,set(o){let h=a?.call(this);p?.call(this,o),this.requestUpdate(t,h,e)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??Za}static _$Ei(){if(this.hasOwnProperty(mi("elementProperties")))return;let t=Tr(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(mi("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(mi("properties"))){let s=this.properties,e=[...kr(s),...Mr(s)];for(let a of e)this.createProperty(a,s[a])}let t=this[Symbol.metadata];if(t!==null){let s=litPropertyMetadata.get(t);if(s!==void 0)for(let[e,a]of s)this.elementProperties.set(e,a)}this._$Eh=new Map;for(let[s,e]of this.elementProperties){let a=this._$Eu(s,e);a!==void 0&&this._$Eh.set(a,s)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let s=[];if(Array.isArray(t)){let e=new Set(t.flat(1/0).reverse());for(let a of e)s.unshift(Vs(a))}else t!==void 0&&s.push(Vs(t));return s}static _$Eu(t,s){let e=s.attribute;return e===!1?void 0:typeof e=="string"?e:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,s=this.constructor.elementProperties;for(let e of s.keys())this.hasOwnProperty(e)&&(t.set(e,this[e]),delete this[e]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Fa(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,s,e){this._$AK(t,e)}_$ET(t,s){let e=this.constructor.elementProperties.get(t),a=this.constructor._$Eu(t,e);if(a!==void 0&&e.reflect===!0){let p=(e.converter?.toAttribute!==void 0?e.converter:pi).toAttribute(s,e.type);this._$Em=t,p==null?this.removeAttribute(a):this.setAttribute(a,p),this._$Em=null}}_$AK(t,s){let e=this.constructor,a=e._$Eh.get(t);if(a!==void 0&&this._$Em!==a){let p=e.getPropertyOptions(a),o=typeof p.converter=="function"?{fromAttribute:p.converter}:p.converter?.fromAttribute!==void 0?p.converter:pi;this._$Em=a;let h=o.fromAttribute(s,p.type);this[a]=h??this._$Ej?.get(a)??h,this._$Em=null}}requestUpdate(t,s,e,a=!1,p){if(t!==void 0){let o=this.constructor;if(a===!1&&(p=this[t]),e??=o.getPropertyOptions(t),!((e.hasChanged??Fi)(p,s)||e.useDefault&&e.reflect&&p===this._$Ej?.get(t)&&!this.hasAttribute(o._$Eu(t,e))))return;this.C(t,s,e)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,s,{useDefault:e,reflect:a,wrapped:p},o){e&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,o??s??this[t]),p!==!0||o!==void 0)||(this._$AL.has(t)||(this.hasUpdated||e||(s=void 0),this._$AL.set(t,s)),a===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(s){Promise.reject(s)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[a,p]of this._$Ep)this[a]=p;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[a,p]of e){let{wrapped:o}=p,h=this[a];o!==!0||this._$AL.has(a)||h===void 0||this.C(a,void 0,p,h)}}let t=!1,s=this._$AL;try{t=this.shouldUpdate(s),t?(this.willUpdate(s),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(s)):this._$EM()}catch(e){throw t=!1,this._$EM(),e}t&&this._$AE(s)}willUpdate(t){}_$AE(t){this._$EO?.forEach(s=>s.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(s=>this._$ET(s,this[s])),this._$EM()}updated(t){}firstUpdated(t){}};lt.elementStyles=[],lt.shadowRootOptions={mode:"open"},lt[mi("elementProperties")]=new Map,lt[mi("finalized")]=new Map,$r?.({ReactiveElement:lt}),(Ui.reactiveElementVersions??=[]).push("2.1.2");var Is=globalThis,Wa=i=>i,qi=Is.trustedTypes,Qa=qi?qi.createPolicy("lit-html",{createHTML:i=>i}):void 0,Os="$lit$",nt=`lit$${Math.random().toFixed(9).slice(2)}$`,Ns="?"+nt,jr=`<${Ns}>`,It=document,ui=()=>It.createComment(""),vi=i=>i===null||typeof i!="object"&&typeof i!="function",Ps=Array.isArray,er=i=>Ps(i)||typeof i?.[Symbol.iterator]=="function",As=`[ 	
\f\r]`,fi=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ya=/-->/g,Ga=/>/g,Vt=RegExp(`>|${As}(?:([^\\s"'>=/]+)(${As}*=${As}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ja=/'/g,Ka=/"/g,tr=/^(?:script|style|textarea|title)$/i,Bs=i=>(t,...s)=>({_$litType$:i,strings:t,values:s}),u=Bs(1),E=Bs(2),kn=Bs(3),We=Symbol.for("lit-noChange"),_e=Symbol.for("lit-nothing"),Xa=new WeakMap,At=It.createTreeWalker(It,129);function ir(i,t){if(!Ps(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Qa!==void 0?Qa.createHTML(t):t}var sr=(i,t)=>{let s=i.length-1,e=[],a,p=t===2?"<svg>":t===3?"<math>":"",o=fi;for(let h=0;h<s;h++){let g=i[h],m,n,r=-1,_=0;for(;_<g.length&&(o.lastIndex=_,n=o.exec(g),n!==null);)_=o.lastIndex,o===fi?n[1]==="!--"?o=Ya:n[1]!==void 0?o=Ga:n[2]!==void 0?(tr.test(n[2])&&(a=RegExp("</"+n[2],"g")),o=Vt):n[3]!==void 0&&(o=Vt):o===Vt?n[0]===">"?(o=a??fi,r=-1):n[1]===void 0?r=-2:(r=o.lastIndex-n[2].length,m=n[1],o=n[3]===void 0?Vt:n[3]==='"'?Ka:Ja):o===Ka||o===Ja?o=Vt:o===Ya||o===Ga?o=fi:(o=Vt,a=void 0);let v=o===Vt&&i[h+1].startsWith("/>")?" ":"";p+=o===fi?g+jr:r>=0?(e.push(m),g.slice(0,r)+Os+g.slice(r)+nt+v):g+nt+(r===-2?h:v)}return[ir(i,p+(i[s]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),e]},gi=class i{constructor({strings:t,_$litType$:s},e){let a;this.parts=[];let p=0,o=0,h=t.length-1,g=this.parts,[m,n]=sr(t,s);if(this.el=i.createElement(m,e),At.currentNode=this.el.content,s===2||s===3){let r=this.el.content.firstChild;r.replaceWith(...r.childNodes)}for(;(a=At.nextNode())!==null&&g.length<h;){if(a.nodeType===1){if(a.hasAttributes())for(let r of a.getAttributeNames())if(r.endsWith(Os)){let _=n[o++],v=a.getAttribute(r).split(nt),f=/([.?@])?(.*)/.exec(_);g.push({type:1,index:p,name:f[2],strings:v,ctor:f[1]==="."?Wi:f[1]==="?"?Qi:f[1]==="@"?Yi:Nt}),a.removeAttribute(r)}else r.startsWith(nt)&&(g.push({type:6,index:p}),a.removeAttribute(r));if(tr.test(a.tagName)){let r=a.textContent.split(nt),_=r.length-1;if(_>0){a.textContent=qi?qi.emptyScript:"";for(let v=0;v<_;v++)a.append(r[v],ui()),At.nextNode(),g.push({type:2,index:++p});a.append(r[_],ui())}}}else if(a.nodeType===8)if(a.data===Ns)g.push({type:2,index:p});else{let r=-1;for(;(r=a.data.indexOf(nt,r+1))!==-1;)g.push({type:7,index:p}),r+=nt.length-1}p++}}static createElement(t,s){let e=It.createElement("template");return e.innerHTML=t,e}};function Ot(i,t,s=i,e){if(t===We)return t;let a=e!==void 0?s._$Co?.[e]:s._$Cl,p=vi(t)?void 0:t._$litDirective$;return a?.constructor!==p&&(a?._$AO?.(!1),p===void 0?a=void 0:(a=new p(i),a._$AT(i,s,e)),e!==void 0?(s._$Co??=[])[e]=a:s._$Cl=a),a!==void 0&&(t=Ot(i,a._$AS(i,t.values),a,e)),t}var Zi=class{constructor(t,s){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=s}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:s},parts:e}=this._$AD,a=(t?.creationScope??It).importNode(s,!0);At.currentNode=a;let p=At.nextNode(),o=0,h=0,g=e[0];for(;g!==void 0;){if(o===g.index){let m;g.type===2?m=new Qt(p,p.nextSibling,this,t):g.type===1?m=new g.ctor(p,g.name,g.strings,this,t):g.type===6&&(m=new Gi(p,this,t)),this._$AV.push(m),g=e[++h]}o!==g?.index&&(p=At.nextNode(),o++)}return At.currentNode=It,a}p(t){let s=0;for(let e of this._$AV)e!==void 0&&(e.strings!==void 0?(e._$AI(t,e,s),s+=e.strings.length-2):e._$AI(t[s])),s++}},Qt=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,s,e,a){this.type=2,this._$AH=_e,this._$AN=void 0,this._$AA=t,this._$AB=s,this._$AM=e,this.options=a,this._$Cv=a?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,s=this._$AM;return s!==void 0&&t?.nodeType===11&&(t=s.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,s=this){t=Ot(this,t,s),vi(t)?t===_e||t==null||t===""?(this._$AH!==_e&&this._$AR(),this._$AH=_e):t!==this._$AH&&t!==We&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):er(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==_e&&vi(this._$AH)?this._$AA.nextSibling.data=t:this.T(It.createTextNode(t)),this._$AH=t}$(t){let{values:s,_$litType$:e}=t,a=typeof e=="number"?this._$AC(t):(e.el===void 0&&(e.el=gi.createElement(ir(e.h,e.h[0]),this.options)),e);if(this._$AH?._$AD===a)this._$AH.p(s);else{let p=new Zi(a,this),o=p.u(this.options);p.p(s),this.T(o),this._$AH=p}}_$AC(t){let s=Xa.get(t.strings);return s===void 0&&Xa.set(t.strings,s=new gi(t)),s}k(t){Ps(this._$AH)||(this._$AH=[],this._$AR());let s=this._$AH,e,a=0;for(let p of t)a===s.length?s.push(e=new i(this.O(ui()),this.O(ui()),this,this.options)):e=s[a],e._$AI(p),a++;a<s.length&&(this._$AR(e&&e._$AB.nextSibling,a),s.length=a)}_$AR(t=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);t!==this._$AB;){let e=Wa(t).nextSibling;Wa(t).remove(),t=e}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},Nt=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,s,e,a,p){this.type=1,this._$AH=_e,this._$AN=void 0,this.element=t,this.name=s,this._$AM=a,this.options=p,e.length>2||e[0]!==""||e[1]!==""?(this._$AH=Array(e.length-1).fill(new String),this.strings=e):this._$AH=_e}_$AI(t,s=this,e,a){let p=this.strings,o=!1;if(p===void 0)t=Ot(this,t,s,0),o=!vi(t)||t!==this._$AH&&t!==We,o&&(this._$AH=t);else{let h=t,g,m;for(t=p[0],g=0;g<p.length-1;g++)m=Ot(this,h[e+g],s,g),m===We&&(m=this._$AH[g]),o||=!vi(m)||m!==this._$AH[g],m===_e?t=_e:t!==_e&&(t+=(m??"")+p[g+1]),this._$AH[g]=m}o&&!a&&this.j(t)}j(t){t===_e?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},Wi=class extends Nt{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===_e?void 0:t}},Qi=class extends Nt{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==_e)}},Yi=class extends Nt{constructor(t,s,e,a,p){super(t,s,e,a,p),this.type=5}_$AI(t,s=this){if((t=Ot(this,t,s,0)??_e)===We)return;let e=this._$AH,a=t===_e&&e!==_e||t.capture!==e.capture||t.once!==e.once||t.passive!==e.passive,p=t!==_e&&(e===_e||a);a&&this.element.removeEventListener(this.name,this,e),p&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},Gi=class{constructor(t,s,e){this.element=t,this.type=6,this._$AN=void 0,this._$AM=s,this.options=e}get _$AU(){return this._$AM._$AU}_$AI(t){Ot(this,t)}},ar={M:Os,P:nt,A:Ns,C:1,L:sr,R:Zi,D:er,V:Ot,I:Qt,H:Nt,N:Qi,U:Yi,B:Wi,F:Gi},Er=Is.litHtmlPolyfillSupport;Er?.(gi,Qt),(Is.litHtmlVersions??=[]).push("3.3.3");var rr=(i,t,s)=>{let e=s?.renderBefore??t,a=e._$litPart$;if(a===void 0){let p=s?.renderBefore??null;e._$litPart$=a=new Qt(t.insertBefore(ui(),p),p,void 0,s??{})}return a._$AI(i),a};var Rs=globalThis,F=class extends lt{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let s=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=rr(s,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return We}};F._$litElement$=!0,F.finalized=!0,Rs.litElementHydrateSupport?.({LitElement:F});var Dr=Rs.litElementPolyfillSupport;Dr?.({LitElement:F});(Rs.litElementVersions??=[]).push("4.2.2");var Z=i=>(t,s)=>{s!==void 0?s.addInitializer(()=>{customElements.define(i,t)}):customElements.define(i,t)};var Hr={attribute:!0,type:String,converter:pi,reflect:!1,hasChanged:Fi},Sr=(i=Hr,t,s)=>{let{kind:e,metadata:a}=s,p=globalThis.litPropertyMetadata.get(a);if(p===void 0&&globalThis.litPropertyMetadata.set(a,p=new Map),e==="setter"&&((i=Object.create(i)).wrapped=!0),p.set(s.name,i),e==="accessor"){let{name:o}=s;return{set(h){let g=t.get.call(this);t.set.call(this,h),this.requestUpdate(o,g,i,!0,h)},init(h){return h!==void 0&&this.C(o,void 0,i,h),h}}}if(e==="setter"){let{name:o}=s;return function(h){let g=this[o];t.call(this,h),this.requestUpdate(o,g,i,!0,h)}}throw Error("Unsupported decorator location: "+e)};function b(i){return(t,s)=>typeof s=="object"?Sr(i,t,s):((e,a,p)=>{let o=a.hasOwnProperty(p);return a.constructor.createProperty(p,e),o?Object.getOwnPropertyDescriptor(a,p):void 0})(i,t,s)}function De(i){return b({...i,state:!0,attribute:!1})}function Ji(i){return(t,s)=>{let e=typeof t=="function"?t:t[s];Object.assign(e,i)}}var Lr=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Vr=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ar=(()=>{let i=[Z("discord-action-row")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;Lr(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			display: flex;
			flex-wrap: wrap;
		}
	`;render(){return u`<slot></slot>`}static{Vr(e,s)}};return p=e})();var Ir=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Or=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Nr=(()=>{let i=[Z("discord-attachments")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;Ir(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			display: grid;
			grid-auto-flow: row;
			grid-row-gap: 0.25rem;
			text-indent: 0;
			min-height: 0;
			min-width: 0;
			padding-top: 0.125rem;
			padding-bottom: 0.125rem;
			position: relative;
		}

		:host > * {
			justify-self: start;
			-ms-flex-item-align: start;
			align-self: start;
		}
	`;render(){return u`<slot></slot>`}static{Or(e,s)}};return p=e})();var $t=class extends Event{constructor(t,s,e,a){super("context-request",{bubbles:!0,composed:!0}),this.context=t,this.contextTarget=s,this.callback=e,this.subscribe=a??!1}};var Yt=class{constructor(t,s,e,a){if(this.subscribe=!1,this.provided=!1,this.value=void 0,this.t=(p,o)=>{this.unsubscribe&&(this.unsubscribe!==o&&(this.provided=!1,this.unsubscribe()),this.subscribe||this.unsubscribe()),this.value=p,this.host.requestUpdate(),this.provided&&!this.subscribe||(this.provided=!0,this.callback&&this.callback(p,o)),this.unsubscribe=o},this.host=t,s.context!==void 0){let p=s;this.context=p.context,this.callback=p.callback,this.subscribe=p.subscribe??!1}else this.context=s,this.callback=e,this.subscribe=a??!1;this.host.addController(this)}hostConnected(){this.dispatchRequest()}hostDisconnected(){this.unsubscribe&&(this.unsubscribe(),this.unsubscribe=void 0)}dispatchRequest(){this.host.dispatchEvent(new $t(this.context,this.host,this.t,this.subscribe))}};var Xi=class{get value(){return this.o}set value(t){this.setValue(t)}setValue(t,s=!1){let e=s||!Object.is(t,this.o);this.o=t,e&&this.updateObservers()}constructor(t){this.subscriptions=new Map,this.updateObservers=()=>{for(let[s,{disposer:e}]of this.subscriptions)s(this.o,e)},t!==void 0&&(this.value=t)}addCallback(t,s,e){if(!e)return void t(this.value);this.subscriptions.has(t)||this.subscriptions.set(t,{disposer:()=>{this.subscriptions.delete(t)},consumerHost:s});let{disposer:a}=this.subscriptions.get(t);t(this.value,a)}clearCallbacks(){this.subscriptions.clear()}};var Us=class extends Event{constructor(t,s){super("context-provider",{bubbles:!0,composed:!0}),this.context=t,this.contextTarget=s}},Gt=class extends Xi{constructor(t,s,e){super(s.context!==void 0?s.initialValue:e),this.onContextRequest=a=>{if(a.context!==this.context)return;let p=a.contextTarget??a.composedPath()[0];p!==this.host&&(a.stopPropagation(),this.addCallback(a.callback,p,a.subscribe))},this.onProviderRequest=a=>{if(a.context!==this.context||(a.contextTarget??a.composedPath()[0])===this.host)return;let p=new Set;for(let[o,{consumerHost:h}]of this.subscriptions)p.has(o)||(p.add(o),h.dispatchEvent(new $t(this.context,h,o,!0)));a.stopPropagation()},this.host=t,s.context!==void 0?this.context=s.context:this.context=s,this.attachListeners(),this.host.addController?.(this)}attachListeners(){this.host.addEventListener("context-request",this.onContextRequest),this.host.addEventListener("context-provider",this.onProviderRequest)}hostConnected(){this.host.dispatchEvent(new Us(this.context,this.host))}};function at({context:i}){return(t,s)=>{let e=new WeakMap;if(typeof s=="object")return{get(){return t.get.call(this)},set(a){return e.get(this).setValue(a),t.set.call(this,a)},init(a){return e.set(this,new Gt(this,{context:i,initialValue:a})),a}};{t.constructor.addInitializer((o=>{e.set(o,new Gt(o,{context:i}))}));let a=Object.getOwnPropertyDescriptor(t,s),p;if(a===void 0){let o=new WeakMap;p={get(){return o.get(this)},set(h){e.get(this).setValue(h),o.set(this,h)},configurable:!0,enumerable:!0}}else{let o=a.set;p={...a,set(h){e.get(this).setValue(h),o?.call(this,h)}}}return void Object.defineProperty(t,s,p)}}}function ie({context:i,subscribe:t}){return(s,e)=>{typeof e=="object"?e.addInitializer((function(){new Yt(this,{context:i,callback:a=>{s.set.call(this,a)},subscribe:t})})):s.constructor.addInitializer((a=>{new Yt(a,{context:i,callback:p=>{a[e]=p},subscribe:t})}))}}var Jt={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},ct=i=>(...t)=>({_$litDirective$:i,values:t}),jt=class{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,s,e){this._$Ct=t,this._$AM=s,this._$Ci=e}_$AS(t,s){return this.update(t,s)}update(t,s){return this.render(...s)}};var fe=ct(class extends jt{constructor(i){if(super(i),i.type!==Jt.ATTRIBUTE||i.name!=="class"||i.strings?.length>2)throw Error("`classMap()` can only be used in the `class` attribute and must be the only part in the attribute.")}render(i){return" "+Object.keys(i).filter(t=>i[t]).join(" ")+" "}update(i,[t]){if(this.st===void 0){this.st=new Set,i.strings!==void 0&&(this.nt=new Set(i.strings.join(" ").split(/\s/).filter(e=>e!=="")));for(let e in t)t[e]&&!this.nt?.has(e)&&this.st.add(e);return this.render(t)}let s=i.element.classList;for(let e of this.st)e in t||(s.remove(e),this.st.delete(e));for(let e in t){let a=!!t[e];a===this.st.has(e)||this.nt?.has(e)||(a?(s.add(e),this.st.add(e)):(s.remove(e),this.st.delete(e)))}return We}});var Q=i=>i??_e;var{I:Xc}=ar;var lr=i=>i.strings===void 0;var _i=(i,t)=>{let s=i._$AN;if(s===void 0)return!1;for(let e of s)e._$AO?.(t,!1),_i(e,t);return!0},es=i=>{let t,s;do{if((t=i._$AM)===void 0)break;s=t._$AN,s.delete(i),i=t}while(s?.size===0)},nr=i=>{for(let t;t=i._$AM;i=t){let s=t._$AN;if(s===void 0)t._$AN=s=new Set;else if(s.has(i))break;s.add(i),Rr(t)}};function Pr(i){this._$AN!==void 0?(es(this),this._$AM=i,nr(this)):this._$AM=i}function Br(i,t=!1,s=0){let e=this._$AH,a=this._$AN;if(a!==void 0&&a.size!==0)if(t)if(Array.isArray(e))for(let p=s;p<e.length;p++)_i(e[p],!1),es(e[p]);else e!=null&&(_i(e,!1),es(e));else _i(this,i)}var Rr=i=>{i.type==Jt.CHILD&&(i._$AP??=Br,i._$AQ??=Pr)},Kt=class extends jt{constructor(){super(...arguments),this._$AN=void 0}_$AT(t,s,e){super._$AT(t,s,e),nr(this),this.isConnected=t._$AU}_$AO(t,s=!0){t!==this.isConnected&&(this.isConnected=t,t?this.reconnected?.():this.disconnected?.()),s&&(_i(this,t),es(this))}setValue(t){if(lr(this._$Ct))this._$Ct._$AI(t,this);else{let s=[...this._$Ct._$AH];s[this._$Ci]=t,this._$Ct._$AI(s,this,0)}}disconnected(){}reconnected(){}};var ht=()=>new qs,qs=class{},Fs=new WeakMap,Pe=ct(class extends Kt{render(i){return _e}update(i,[t]){let s=t!==this.G;return s&&this.rt(void 0),(s||this.lt!==this.ct)&&(this.G=t,this.ht=i.options?.host,this.rt(this.ct=i.element)),_e}rt(i){if(this.G!==void 0)if(this.isConnected||(i=void 0),typeof this.G=="function"){let t=this.ht??globalThis,s=Fs.get(t);s===void 0&&(s=new WeakMap,Fs.set(t,s)),s.get(this.G)!==void 0&&this.G.call(this.ht,void 0),s.set(this.G,i),i!==void 0&&this.G.call(this.ht,i)}else this.G.value=i}get lt(){return typeof this.G=="function"?Fs.get(this.ht??globalThis)?.get(this.G):this.G?.value}disconnected(){this.lt===this.ct&&this.rt(void 0)}reconnected(){this.rt(this.ct)}});function I(i,t,s){return i?t(i):s?.(i)}var ts=R`
	.discord-media-attachment-non-visual-media-item-container {
		justify-self: start;
		align-self: start;
		margin-top: 8px;
		max-width: 100%;
		display: flex;
		flex-direction: column;
		position: relative;
	}

	.discord-media-attachment-mosaic-item-media {
		border-radius: 2px;
		display: flex;
		flex-flow: row nowrap;
		height: 100%;
		max-height: inherit;
		max-width: 100%;
		position: relative;
	}

	.discord-media-attachment-controls {
		width: 100%;
		display: flex;
		align-items: center;
		margin-top: 4px;
		background-color: hsl(0 calc(1 * 0%) 0% / 0.6);
		border-radius: 3px;
	}

	.discord-media-attachment-video-button {
		margin-right: 8px;
	}

	.discord-media-attachment-control-icon {
		display: block;
		width: 24px;
		height: 24px;
		padding: 4px;
		cursor: pointer;
		flex: 0 0 auto;
		opacity: 0.6;
	}

	.discord-media-attachment-duration-time-wrapper {
		flex: 0 0 auto;
		margin: 4px;
		height: 12px;
	}

	.discord-media-attachment-duration-time-display {
		font-weight: 500;
		display: inline-block;
		font-family:
			'gg mono', 'Source Code Pro', Consolas, 'Andale Mono WT', 'Andale Mono', 'Lucida Console', 'Lucida Sans Typewriter', 'DejaVu Sans Mono',
			'Bitstream Vera Sans Mono', 'Liberation Mono', 'Nimbus Mono L', Monaco, 'Courier New', Courier, monospace;
		font-size: 12px;
		line-height: 12px;
		vertical-align: text-top;
	}

	.discord-media-attachment-duration-time-separator {
		margin: 0 2px;
	}

	.discord-media-attachment-non-visual-media-item-container:hover .discord-button-download-attachment {
		display: block !important;
	}

	.discord-button-download-attachment {
		display: none;
		position: absolute;
		top: -8px;
		right: -8px;
		border-radius: 5px;
		outline: color-mix(in oklab, hsl(220 calc(1 * 6.5%) 18% / 1) 100%, black 0%);
		background-color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
	}

	.discord-link-download-attachment {
		color: color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%);
		display: flex;
	}

	.discord-icon-download {
		padding: 6px;
	}
`;var Et=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ve=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},is=(()=>{let i=F,t,s=[],e=[],a,p=[],o=[],h,g=[],m=[],n,r=[],_=[],v,f=[],c=[],l,d=[],j=[],H,G=[],x=[],y,L=[],V=[];return class extends i{static{let C=typeof Symbol=="function"&&Symbol.metadata?Object.create(i[Symbol.metadata]??null):void 0;t=[De()],a=[De()],h=[De()],n=[De()],v=[De()],l=[De()],H=[De()],y=[De()],Et(this,null,t,{kind:"accessor",name:"currentPlaybackPosition",static:!1,private:!1,access:{has:P=>"currentPlaybackPosition"in P,get:P=>P.currentPlaybackPosition,set:(P,se)=>{P.currentPlaybackPosition=se}},metadata:C},s,e),Et(this,null,a,{kind:"accessor",name:"totalMediaDuration",static:!1,private:!1,access:{has:P=>"totalMediaDuration"in P,get:P=>P.totalMediaDuration,set:(P,se)=>{P.totalMediaDuration=se}},metadata:C},p,o),Et(this,null,h,{kind:"accessor",name:"isPlaying",static:!1,private:!1,access:{has:P=>"isPlaying"in P,get:P=>P.isPlaying,set:(P,se)=>{P.isPlaying=se}},metadata:C},g,m),Et(this,null,n,{kind:"accessor",name:"raf",static:!1,private:!1,access:{has:P=>"raf"in P,get:P=>P.raf,set:(P,se)=>{P.raf=se}},metadata:C},r,_),Et(this,null,v,{kind:"accessor",name:"isMuted",static:!1,private:!1,access:{has:P=>"isMuted"in P,get:P=>P.isMuted,set:(P,se)=>{P.isMuted=se}},metadata:C},f,c),Et(this,null,l,{kind:"accessor",name:"currentVolume",static:!1,private:!1,access:{has:P=>"currentVolume"in P,get:P=>P.currentVolume,set:(P,se)=>{P.currentVolume=se}},metadata:C},d,j),Et(this,null,H,{kind:"accessor",name:"hasEnded",static:!1,private:!1,access:{has:P=>"hasEnded"in P,get:P=>P.hasEnded,set:(P,se)=>{P.hasEnded=se}},metadata:C},G,x),Et(this,null,y,{kind:"accessor",name:"hasRunUpdate",static:!1,private:!1,access:{has:P=>"hasRunUpdate"in P,get:P=>P.hasRunUpdate,set:(P,se)=>{P.hasRunUpdate=se}},metadata:C},L,V),C&&Object.defineProperty(this,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:C})}mediaComponentRef=ht();seekSliderRef=ht();volumeControlRef=ht();volumeControlInputRef=ht();#e=Ve(this,s,"0:00");get currentPlaybackPosition(){return this.#e}set currentPlaybackPosition(C){this.#e=C}#t=(Ve(this,e),Ve(this,p,""));get totalMediaDuration(){return this.#t}set totalMediaDuration(C){this.#t=C}#i=(Ve(this,o),Ve(this,g,!1));get isPlaying(){return this.#i}set isPlaying(C){this.#i=C}#s=(Ve(this,m),Ve(this,r,null));get raf(){return this.#s}set raf(C){this.#s=C}#a=(Ve(this,_),Ve(this,f,!1));get isMuted(){return this.#a}set isMuted(C){this.#a=C}#r=(Ve(this,c),Ve(this,d,1));get currentVolume(){return this.#r}set currentVolume(C){this.#r=C}#o=(Ve(this,j),Ve(this,G,!1));get hasEnded(){return this.#o}set hasEnded(C){this.#o=C}#l=(Ve(this,x),Ve(this,L,!1));get hasRunUpdate(){return this.#l}set hasRunUpdate(C){this.#l=C}calculateTime(C){let P=Math.floor(C/60),se=Math.floor(C%60),pe=se<10?`0${se}`:`${se}`;return`${P}:${pe}`}displayMediaDuration(){this.mediaComponentRef.value&&(this.totalMediaDuration=this.calculateTime(this.mediaComponentRef.value.duration))}setSliderMax(){this.mediaComponentRef.value&&this.seekSliderRef.value&&(this.seekSliderRef.value.max=Math.floor(this.mediaComponentRef.value.duration).toString())}displayBufferedAmount(){if(this.mediaComponentRef.value&&this.seekSliderRef.value){let C=this.mediaComponentRef.value.buffered.length-1;if(C>=0){let P=Math.floor(this.mediaComponentRef.value.buffered.end(C));this.style.setProperty("--buffered-width",`${P/Number(this.seekSliderRef.value.max)*100}%`)}}}whilePlaying=(Ve(this,V),()=>{if(this.mediaComponentRef.value&&this.seekSliderRef.value){this.seekSliderRef.value.value=Math.floor(this.mediaComponentRef.value.currentTime).toString();let C=Number(this.seekSliderRef.value.value);this.currentPlaybackPosition=this.calculateTime(C),this.style.setProperty("--seek-before-width",`${C/Number(this.seekSliderRef.value.max)*100}%`),this.raf=requestAnimationFrame(this.whilePlaying)}});handleEnded(){this.mediaComponentRef.value&&(this.mediaComponentRef.value.pause(),this.raf!==null&&cancelAnimationFrame(this.raf),this.isPlaying=!1,this.hasEnded=!0)}handleClickPlayPauseIcon=()=>{this.mediaComponentRef.value&&(this.hasEnded&&(this.hasEnded=!1),this.isPlaying?(this.mediaComponentRef.value.pause(),this.raf!==null&&cancelAnimationFrame(this.raf),this.isPlaying=!1):(this.mediaComponentRef.value.play(),requestAnimationFrame(this.whilePlaying),this.isPlaying=!0))};handleSpaceToPlayPause=C=>{C.code==="Space"&&(C.preventDefault(),C.stopPropagation(),this.handleClickPlayPauseIcon())};handleClickMuteIcon(){this.mediaComponentRef.value&&(this.isMuted?(this.mediaComponentRef.value.muted=!1,this.isMuted=!1):(this.mediaComponentRef.value.muted=!0,this.isMuted=!0))}handleSeekSliderInput(C){let P=C.target;this.style.setProperty("--seek-before-width",`${Number(P.value)/Number(P.max)*100}%`),this.seekSliderRef.value&&(this.currentPlaybackPosition=this.calculateTime(Number(this.seekSliderRef.value.value))),this.mediaComponentRef.value&&!this.mediaComponentRef.value.paused&&this.raf!==null&&cancelAnimationFrame(this.raf)}handleSeekSliderChange=()=>{this.mediaComponentRef.value&&this.seekSliderRef.value&&(this.mediaComponentRef.value.currentTime=Number(this.seekSliderRef.value.value),this.mediaComponentRef.value.paused||requestAnimationFrame(this.whilePlaying))};handleVolumeSliderInput(C){let P=C.target,{value:se}=P;if(this.mediaComponentRef.value){let pe=Number(se)/100;this.currentVolume=pe,this.mediaComponentRef.value.volume=pe}}handleVolumeVerticalEnter(){this.volumeControlRef.value&&this.style.setProperty("--volume-slider-opacity","1")}handleVolumeVerticalLeave(){this.volumeControlRef.value&&this.style.setProperty("--volume-slider-opacity","0")}handleVolumeVerticalFocus(){this.handleVolumeVerticalEnter(),this.addEventListener("keydown",this.handleVolumeControlKeyboard)}handleVolumeVerticalBlur(){this.handleVolumeVerticalLeave(),this.removeEventListener("keydown",this.handleVolumeControlKeyboard)}handleVolumeControlKeyboard(C){let P=0;C.code==="ArrowDown"?P=-.1:C.code==="ArrowUp"&&(P=.1),P!==0&&this.adjustVolume(P,C)}adjustVolume(C,P){P.preventDefault(),P.stopPropagation();let se=this.currentVolume+C;se<.1?se=0:se>1&&(se=1),this.mediaComponentRef.value&&this.volumeControlInputRef.value&&(this.currentVolume=se,this.mediaComponentRef.value.volume=se,this.volumeControlInputRef.value.value=(se*100).toString())}mediaMetadataLoaded=()=>{this.mediaComponentRef.value&&(this.displayMediaDuration(),this.setSliderMax(),this.displayBufferedAmount())};shouldUpdate(C){return C.has("hasRunUpdate")&&C.size===1?!1:super.shouldUpdate(C)}firstUpdated(C){this.hasRunUpdate||(this.mediaComponentRef.value&&(this.mediaComponentRef.value.readyState>0?(this.displayMediaDuration(),this.setSliderMax(),this.displayBufferedAmount()):this.mediaComponentRef.value.addEventListener("loadedmetadata",this.mediaMetadataLoaded)),this.hasRunUpdate=!0,super.firstUpdated(C))}disconnectedCallback(){super.disconnectedCallback(),this.mediaComponentRef.value?.removeEventListener("loadedmetadata",this.mediaMetadataLoaded)}}})();var ss=R`
	.discord-media-attachment-horizontal {
		width: 100%;
		display: flex;
		align-self: stretch;
	}

	.discord-media-attachment-media-bar-interaction {
		position: relative;
		flex: 1 1 auto;
		align-self: stretch;
		display: flex;
		align-items: center;
		cursor: pointer;
		margin: 0 7px;
	}

	.discord-media-attachment-playback-control {
		position: relative;
		flex: 1 1 auto;
		height: 6px;
		background-color: hsl(210 calc(1 * 9.3%) 78.8% / 0.3);
	}

	.discord-media-attachment-playback-control:hover {
		box-shadow: 0 1px 1px hsl(0 calc(1 * 0%) 0% / 0.3);
	}

	.discord-media-attachment-playback-control::before {
		background-color: hsl(210 calc(1 * 9.3%) 78.8% / 0.3);
		left: -3px;
		border-radius: 3px 0 0 3px;
		content: '';
		position: absolute;
		top: 0;
		height: 100%;
		width: 3px;
		z-index: 1;
	}

	input[type='range'].discord-media-attachment-playback-control::-webkit-slider-runnable-track {
		width: 2.47264%;
		height: 100%;
		cursor: pointer;
		opacity: 1;
		background: linear-gradient(to right, hsl(199 100% calc(1 * 69%) / 1) var(--buffered-width));
	}

	input[type='range'].discord-media-attachment-playback-control::before {
		position: absolute;
		content: '';
		top: 0;
		width: var(--seek-before-width);
		height: 100%;
		z-index: 3;
		background-color: hsl(199 100% calc(1 * 69%) / 1);
		cursor: pointer;
	}

	input[type='range'].discord-media-attachment-playback-control::-webkit-slider-thumb {
		position: relative;
		cursor: pointer;
		border-radius: 3px;
		width: auto;
		height: 18px;
		line-height: 18px;
		text-align: center;
		font-weight: 600;
		font-size: 12px;
		color: hsl(0 calc(1 * 0%) 97.6% / 1);
		opacity: 1;
		transition: opacity.2s ease-out;
		pointer-events: none;
		-webkit-appearance: none;
		box-sizing: content-box;
		background-color: hsl(0 calc(1 * 0%) 0% / 1);
		margin: -5px 0 0 0;
		z-index: 4;
	}

	input[type='range'].discord-media-attachment-playback-control:active::-webkit-slider-thumb {
		transform: scale(1.2);
		filter: brightness(85%);
	}

	input[type='range'].discord-media-attachment-playback-control::-moz-range-track {
		width: 2.47264%;
		height: 100%;
		cursor: pointer;
		opacity: 1;
		background: linear-gradient(to right, hsl(199 100% calc(1 * 69%) / 1) var(--buffered-width));
	}

	input[type='range'].discord-media-attachment-playback-control::-moz-range-progress {
		background-color: hsl(199 100% calc(1 * 69%) / 1);
	}

	input[type='range'].discord-media-attachment-playback-control::-moz-focus-outer {
		border: 0;
	}

	input[type='range'].discord-media-attachment-playback-control::-moz-range-thumb {
		border-radius: 50%;
		position: relative;
		cursor: pointer;
		line-height: 18px;
		text-align: center;
		font-weight: 600;
		font-size: 12px;
		opacity: 1;
		transition: opacity.2s ease-out;
		pointer-events: none;
		-webkit-appearance: none;
		box-sizing: content-box;
		background: #007db5;
		margin: -5px 0 0 0;
	}

	input[type='range'].discord-media-attachment-playback-control:active::-moz-range-thumb {
		transform: scale(1.2);
		filter: brightness(85%);
	}
`;var as=R`
	.discord-media-attachment-flex {
		display: flex;
	}

	.discord-media-attachment-flex-container {
		justify-content: flex-end;
		align-items: center;
		flex-direction: column;
		display: flex;
		position: relative;
	}

	.discord-media-attachment-button-slider {
		margin-bottom: 4px;
		margin-left: -4px;
		position: absolute;
		bottom: calc(100% + 16px);
		left: -78px;
		right: 0;
		height: 50px;
		opacity: var(--volume-slider-opacity);
		-webkit-app-region: no-drag;
	}

	.discord-media-attachment-volume-vertical {
		display: flex;
		align-items: center;
		transform-origin: top;
		transform: rotate(270deg);
		height: 54px;
		width: 140px;
	}

	.discord-media-attachment-button {
		cursor: pointer;
		line-height: 0;
		width: auto;
		background: transparent;
		color: currentColor;
		border: 0;
		padding: 0;
		margin: 0;
		position: relative;
		display: flex;
		justify-content: center;
		align-items: center;
		box-sizing: border-box;
		border-radius: 3px;
		font-size: 14px;
		font-weight: 500;
		-webkit-user-select: none;
		-moz-user-select: none;
		user-select: none;
	}

	.discord-media-attachment-button-content {
		--custom-button-link-underline-offset: 1px;
		--button--underline-color: transparent;
		--custom-button-link-underline-width: 1px;
		--custom-button-link-underline-stop: calc(var(--custom-button-link-underline-width) + var(--custom-button-link-underline-offset));

		background-image: linear-gradient(
			to top,
			transparent,
			transparent var(--custom-button-link-underline-offset),
			var(--button--underline-color) var(--custom-button-link-underline-offset),
			var(--button--underline-color) var(--custom-button-link-underline-stop),
			transparent var(--custom-button-link-underline-stop)
		);
	}

	.discord-media-attachment-button-control-icon {
		display: block;
		width: 24px;
		height: 24px;
		padding: 4px;
		cursor: pointer;
		flex: 0 0 auto;
		opacity: 0.6;
	}

	.discord-media-attachment-volume-slider {
		position: relative;
		height: 6px;
		background-color: hsl(210 calc(1 * 9.3%) 78.8% / 0.3);
		width: 88px;
	}

	.discord-media-attachment-volume-slider:hover {
		box-shadow: 0 1px 1px hsl(0 calc(1 * 0%) 0% / 0.3);
	}

	.discord-media-attachment-volume-slider::before {
		background-color: hsl(210 calc(1 * 9.3%) 78.8%/0.3);
		left: 0px;
		border-radius: 3px 0 0 3px;
		content: '';
		position: absolute;
		top: 0;
		height: 6px;
		width: 100%;
		z-index: 3;
	}

	input[type='range'].discord-media-attachment-volume-slider::-webkit-slider-runnable-track {
		background-color: hsl(210 calc(1 * 9.3%) 78.8%/0.3);
		height: 2.47264%;
		width: 100%;
		cursor: grab;
		border-radius: 8px;
	}

	input[type='range'].discord-media-attachment-volume-slider::-webkit-slider-thumb {
		position: relative;
		bottom: 8px;
		z-index: 4;
	}

	input[type='range'].discord-media-attachment-volume-slider:active::-webkit-slider-thumb {
		transform: scale(1.2);
		filter: brightness(85%);
	}
`;var Zs=class extends Kt{host;element;prevData={};eventData={};render(t){return _e}update(t,[s]){this.element!==t.element&&(this.element=t.element),this.host=t.options?.host??this.element,this.apply(s),this.groom(s),this.prevData={...s}}apply(t){if(!t)return;let{prevData:s,element:e}=this;for(let[a,p]of Object.entries(t)){if(p===s[a])continue;let o=a.slice(1);switch(a[0]){case"@":this.eventData[o]=p,this.applyEvent(o,p);break;case".":e[o]=p;break;case"?":p?e.setAttribute(o,""):e.removeAttribute(o);break;default:p===null?e.removeAttribute(a):e.setAttribute(a,String(p));break}}}groom(t){let{prevData:s,element:e}=this;if(s)for(let[a,p]of Object.entries(s)){let o=a.slice(1);if(!t||!(a in t)&&e[o]===p)switch(a[0]){case"@":this.groomEvent(o,p);break;case".":e[o]=void 0;break;case"?":e.removeAttribute(o);break;default:e.removeAttribute(a);break}}}applyEvent(t,s){let{prevData:e,element:a}=this;this.eventData[t]=s,e[t]&&a.removeEventListener(t,this,s),a.addEventListener(t,this,s)}groomEvent(t,s){let{element:e}=this;Reflect.deleteProperty(this.eventData,t),e.removeEventListener(t,this,s)}handleEvent(t){let s=this.eventData[t.type];typeof s=="function"?s.call(this.host,t):s.handleEvent(t)}disconnected(){let{eventData:t,element:s}=this;for(let[e,a]of Object.entries(t)){let p=e.slice(1);s.removeEventListener(p,this,a)}}reconnected(){let{eventData:t,element:s}=this;for(let[e,a]of Object.entries(t)){let p=e.slice(1);s.addEventListener(p,this,a)}}},D=ct(Zs);var Ur=E`
	<path d="M5.688 3.5v.438H5.25v.438h-.438V1.313h-.438V.875h-.436V.438H3.5v6.125h2.625v-.438H5.25v-.438h.438v-.438h.438v-.438h.438V3.5z" fill="#b79cf8"/>
	<path d="M3.063.438v.438h-.438v.438h-.437v3.5h-.875v-.438H.438v1.75h.438v.438h2.625V.438z" fill="#ff7fc0"/>
	<path d="M3.938 0h-.875v.438h.875zm-.875.438h-.438v.438h.438z" fill="#000"/>
	<path d="M3.938.438h-.875v.438h.875zm-.875.437h-.438v.438h.438zm0 1.75h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M2.188 5.25H1.75v.438h.438z" fill="#ffa5d3"/>
	<path d="M2.625 5.25h-.437v.438h.438zm-1.75.438H.438v.438h.438zm2.625.438H.875v.438H3.5z" fill="#ff1c90"/>
	<path d="M1.75 5.688h-.437v.438h.438zm-.438-.438H.875v.438h.438zm1.313-.875V3.5h-.437v1.313h.438v1.313h.438v-1.75zm.438-3.5v1.313h-.438v.438h.438v1.313h.438V.875z" fill="#ffa5d3"/>
	<path d="M6.125 3.5h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-3.5.875h-.874v.438h.875zm-.875-.438H.438v.438h.875z" fill="#f0f0f0"/>
	<path d="M.875 5.25v-.875H.438v.875z" fill="#f0f0f0"/>
	<path d="M4.813 1.313h-.438v.438h.438z" fill="#cdbafa"/>
	<path d="M2.625 1.313h-.437v1.313h.438z" fill="#f0f0f0"/>
	<path d="M4.375.438h-.437v.438h.438zm.438.438h-.438v.438h.438zM2.625 4.814h-.437v.438h.438zm3.938 0h-.438v.438h.438zm-.875.438v.438H5.25v.438h.875v-.875zm.438.875v.438H.875v.438h5.688v-.875zM.875 6.125H.438v.438h.438zM7 3.062H5.687V3.5H7zm-5.687.876H0v.438h1.313z" fill="#000"/>
	<path d="M.438 6.125V3.938H0v2.188zm6.563-1.313V3.5h-.438v1.313zM2.625.875h-.437v.438h.438zm-.875.438v3.063h-.437v.438h.875V1.313zm3.5 2.188V1.313h-.438v3.063h.438v-.438h.438V3.5z" fill="#000"/>
	<path d="M3.938.875H3.5v.875h.438zm.438 1.75V1.75h-.438V3.5h.438v.438h.438V2.625zm.875 1.75h-.438v.438h.438zm-1.313 0H3.5v1.313h.438zm.875 1.313h-.438v.438h.438zm0-.875h-.438v.438h.438zm.438.438h-.438v.438h.438z" fill="#cdbafa"/>
	<path d="M5.25 6.125v-.438h-.438v.438H3.5v.438h2.625v-.438zm.438-.875H5.25v.438h.438zm.438-.438h-.438v.438h.438z" fill="#816bee"/>
`;function rs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Ur}
	</svg>`}var Fr=E`
	<path d="M4.375 1.75v-.437h-.437V.438h-.875v.875h-.438v.438h-.437v.438h.438v.438h.438v.438h.875v-.44h.438v-.437h.438V1.75z" fill="#47baff"/>
	<path d="M4.375 5.25v.438h-.437v.875h-.875v-.875h-.438V5.25h-.437v-.438h.438v-.438h.438v-.436h.875v.438h.438v.438h.438v.438z" fill="#ff2c52"/>
	<path d="M3.063 0v.438h.875V0z" fill="#000"/>
	<path d="M3.063.438v.438h.875V.438z" fill="#f0f0f0"/>
	<path d="M3.063 2.625v.438h.875v-.438z" fill="#4282d8"/>
	<path d="M3.063.438h-.438v.875h.438zM.438 3.063H0v.875h.438zm.875 0v-.438H.438v.438zm1.313-1.75h-.438v.438h.438z" fill="#000"/>
	<path d="M2.625 1.75h-.437v.438h.438zm.438-.438h-.438v.438h.438zm0 2.625v.438h.875v-.437z" fill="#f0f0f0"/>
	<path d="M3.063 6.125v.438h.875v-.438zm0-.875h-.438v.438h.438zm-.438-.438h-.437v.438h.438z" fill="#be0351"/>
	<path d="M3.063 4.375h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.938 5.688h.438V5.25h-.438zm.438-.438h.438v-.438h-.438zm-.438-.438h.438v-.438h-.438z" fill="#be0351"/>
	<path d="M3.5 1.75h-.437v.438h.438z" fill="#f0f0f0"/>
	<path d="M4.375 2.188h-.437v.438h.438zm.438-.438h-.438v.438h.438z" fill="#4282d8"/>
	<path d="M5.25 4.375h.438v-.437h.875v-.875h-.875v-.438H5.25v-.437h-.438v.438h-.438v.438h-.436v.875h.438v.438h.438v.438h.438z" fill="#C7C7C7"/>
	<path d="M6.563 3.063h-.438v.875h.438z" fill="#707070"/>
	<path d="M5.25 2.625v-.437h-.438v.438zm-.438.438v-.438h-.438v.438z" fill="#fff"/>
	<path d="M4.813 4.375v-.437h-.438v.438zm-.438-.438V3.5h-.437v.438zm1.313.438v-.437H5.25v.438zm-.438.438v-.438h-.438v.438z" fill="#707070"/>
	<path d="M1.75 4.375h-.437v-.437H.438v-.875h.875v-.438h.438v-.437h.438v.438h.438v.438h.438v.875h-.44v.438h-.437v.438H1.75z" fill="#C7C7C7"/>
	<path d="M.438 3.938h.438v-.875H.438z" fill="#fff"/>
	<path d="M2.625 3.938h.438v-.875h-.438z" fill="#707070"/>
	<path d="M2.188 2.625v-.437H1.75v.438zm-.438.438v-.438h-.437v.438zm.438.438v-.438H1.75v.438z" fill="#fff"/>
	<path d="M2.625 4.375v-.437h-.437v.438zm-.438.438v-.438H1.75v.438z" fill="#707070"/>
	<path d="M2.188 1.75H1.75v.438h.438zm.438.438h-.438v.438h.438zm.438.438h-.439v.438h.438zm.875.438h-.876v.875h.875zm.438.875h-.439v.438h.438zm.438.438h-.438v.438h.438zM1.75 2.188h-.437v.438h.438zm2.188 4.813v-.438h-.875v.438zm-.875-1.313h-.438v.875h.438zM.438 3.938v.438h.875v-.438zm2.188 1.313h-.438v.438h.438zm-.438-.438H1.75v.438h.438zm-.438-.438h-.437v.438h.438zm2.188-3.063h.438V.438h-.438zm2.625 2.625h.438v-.874h-.438zm0-.875v-.437h-.875v.438zM4.375 1.749h.438v-.436h-.438zm.438.438h.438V1.75h-.438zm-.438.438h.438v-.437h-.438zm-.437.438h.438v-.438h-.438zM2.625 4.376h.438v-.438h-.438zm-.438.438h.438v-.438h-.437z" fill="#000"/>
	<path d="M4.813 2.188h.438V1.75h-.438zm.438.438h.438v-.438h-.438zM3.938 6.564h.438v-.875h-.438zm1.75-2.625v.438h.875v-.439zm-1.313 1.75h.438v-.438h-.438zm.438-.438h.438v-.438h-.438zm.438-.438h.438v-.438h-.438z" fill="#000"/>
`;function os(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Fr}
	</svg>`}var qr=E`
	<path d="M6.125 3.063v-.438h-.438v.438H4.374v-.438h-.436V1.313h.438V.875H3.063v1.75h-.438v.438H.438v.875h.438v.438h.438v-.438h1.313v.438h.438v1.313h-.44v.438h.438v.438h.875v-.438h.438v-.438h-.438V4.376h.438v-.438h1.313v.438h.438v-.438h.438v-.875z" fill="#ffb84b"/>
	<path d="M3.938 0h-.875v.438h.875zM2.625.875H1.313v.438h1.313zm-1.312.438H.875v1.313h.438zm1.75 0h-.438v1.313h.438zm1.313 0h-.438v1.313h.438zm1.75 0h-.438v1.313h.438zM5.688.875H4.375v.438h1.313zm-3.063 1.75H1.313v.438h1.313zm3.063 0H4.375v.438h1.313zM3.063.438h-.438v.438h.438z" fill="#000"/>
	<path d="M2.625 1.313h-.437v.438h.438zm-.437.437H1.75v.438h.438zm3.5-.438H5.25v.438h.438zm-.438.438h-.438v.438h.438zm.438 2.625H5.25v.438h.438zm-.438.438h-.438v.438h.438zm-2.625-.438h-.437v.438h.438zm-.438.438H1.75v.438h.438z" fill="#57595f"/>
	<path d="M4.375.438h-.437v.438h.438zM.438 3.063H0v.875h.438z" fill="#000"/>
	<path d="M2.188 1.75v.438h-.875v.438h1.313V1.75zm3.063 0v.438h-.875v.438h1.313V1.75zM2.188 4.813v.438h-.875v.438h1.313v-.875zm3.063 0v.438h-.875v.438h1.313v-.875z" fill="#35363a"/>
	<path d="M.875 3.938H.438v.438h.438zm0-1.313H.438v.438h.438zM7 3.063h-.438v.875H7z" fill="#000"/>
	<path d="M6.563 3.063h-.438v.875h.438z" fill="#ba3500"/>
	<path d="M.875 3.063H.438v.875h.438z" fill="#f0f0f0"/>
	<path d="M6.563 2.625h-.438v.438h.438zm0 1.313h-.438v.438h.438z" fill="#000"/>
	<path d="M6.125 3.938h-.438v.438h.438zm-3.062 0h-.438v.438h.438zm-1.75 0H.875v.438h.438zm3.063 0h-.438v.438h.438z" fill="#ba3500"/>
	<path d="M3.938 6.563h-.875v.438h.875zm-1.313-.875H1.313v.438h1.313zM1.312 4.375H.875v1.313h.438zm1.75 0h-.437v1.313h.438zm1.313 0h-.437v1.313h.438zm1.75 0h-.438v1.313h.438zm-.438 1.313H4.374v.438h1.313zm-3.062-1.75H1.313v.438h1.313zm3.063 0H4.375v.438h1.313z" fill="#000"/>
	<path d="M2.625 3.5H1.313v.438h1.313zm3.063 0H4.375v.438h1.313z" fill="#ba3500"/>
	<path d="M3.063 6.125h-.438v.438h.438zm1.313 0h-.438v.438h.438z" fill="#000"/>
	<path d="M3.938 6.125h-.875v.438h.875z" fill="#ba3500"/>
	<path d="M3.938.438h-.875v.438h.875zm-.875.437h-.438v.438h.438V.438Z" fill="#f0f0f0"/>
	<path d="M4.375 5.688h-.437v.438h.438z" fill="#ba3500"/>
	<path d="M2.188 1.313h-.875v.875h.438V1.75h.438zm3.063 0h-.875v.875h.438V1.75h.438zM2.188 4.376h-.875v.875h.438v-.438h.438zm3.063 0h-.875v.875h.438v-.438h.438z" fill="#d8d8d8"/>
	<path d="M3.938 2.188V1.75H3.5V.875h-.437v1.313zm0 .438H3.5v.438h-.437v.438h-.438v.438h.438v.875h.438v1.313h.438v-1.75H3.5V3.5h.875v-.437h-.437zm2.188.438h-.438v.438h.438zm-3.063-.439h-.438v.438h.438zm-1.75.438H.875v.438h.438zm.875 0H1.75v.438h.438z" fill="#fd6214"/>
`;function ls(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${qr}
	</svg>`}var Zr=E`
	<path d="M5.688 2.625V1.75H5.25V.438h-.438v.438h-.438v.438h-.436v.438H3.5v.438H1.313v.438H.875v.875H.438v1.75h.438v.438h.438v.438h.438v.438h3.5v-.438h.438v-.438h.438V2.625z" fill="#fd6214"/>
	<path d="M0 3.5v1.75h.438V3.5zm6.563.438v1.313h.438V3.938zm-.438-1.313v1.313h.438V2.625zm-.438-.875v.875h.438V1.75z" fill="#000"/>
	<path d="M6.125 3.938v1.313h.438V3.938zm-.438-1.313v1.313h.438V2.625zm-.438-.875v.875h.438V1.75z" fill="#ba3500"/>
	<path d="M.438 2.625V3.5h.438v-.875zm2.625-1.313h-.438v.438h.438zm.875 0H3.5v.438h.438zM3.5 1.75h-.437v.438h.438zm-2.625.438v.438h.438v-.438zM.437 5.251v.438h.438v-.438zm.438.438v.438h.438v-.438zm.438.438v.438h.438v-.438zm4.813-.875v.438h.438v-.438zm-.438.438v.438h.438V5.69zm-.438.438v.438h.438v-.438zm-3.5.438v.438h3.5v-.438zM1.313 1.75v.438h.438V1.75zm.438-.438v.438h.438v-.437zm.438-.438v.438h.438V.875zm1.75 0v.438h.438V.875zm.438-.438v.438h.438V.438zm.438-.438v.438h.438V0z" fill="#000"/>
	<path d="M4.813.438v.438h.438V.438zm-.438.438v.438h.438V.875zm-.437.437v.438h.438v-.438zM3.5 1.75v.438h.438V1.75zm-1.312-.437v.438h.438v-.438zm-.438.437v.438h.438V1.75zm.875 0v.438h.438V1.75z" fill="#f0f0f0"/>
	<path d="M2.188 1.75v.438h.438V1.75z" fill="#fd6214"/>
	<path opacity=".5" d="M4.813 1.75v.438h.438V1.75zm.438 2.188V3.5h-.438v-.875h-.438v.438h-.437v.438H2.625v-.438h-.437v.875h-.875v.875h.438v.875h.438v.438h2.625v-.438h.438v-.875h.438v-.875z" fill="#fff"/>
	<path d="M1.313 2.188v.438h.438v-.438zm-.438.437V3.5h.438v-.875zm.875.875v.438h.438V3.5z" fill="#f0f0f0"/>
	<path d="M.875 5.25v.438h.438V5.25zm.438.438v.438h.438v-.438zm3.938 0v.438h.438v-.438zm.438-.438v.438h.438V5.25zm-3.938.875v.438h3.5v-.438z" fill="#ba3500"/>
	<path d="M.438 3.5v.875h.438V3.5zm4.375.875h-.438v-.437h-1.75v.438h-.437v.875h.438v.438h1.75v-.438h.438z" fill="#f0f0f0"/>
	<path d="M5.25.438v1.313h.438V.438z" fill="#000"/>
`;function ns(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Zr}
	</svg>`}var Wr=E`
	<path d="M6.563.875h-.438V.438H4.812v1.313h-.438V.875h-.436V.438h-.875v.438h-.438v.875h-.437V.438H.875v.438H.438v1.75h.438v.438h.875v.438h.438v.875h.438v.438h.438v.438h.875v-.438h.438v-.438h.438V3.5h.438v-.437h.875v-.438h.438z" fill="#ff7fc0"/>
	<path d="M3.938 0h-.875v.438h.875zm-1.75 0H.875v.438h1.313zm3.938 0H4.813v.438h1.313zm.438.438h-.438v.438h.438zm.438.438h-.438v1.75h.438zM4.377.438h-.439v.438h.438v.875h.438V.438zm-2.189 0v1.313h.438V.875h.438V.438zm-1.313 0H.438v.438h.438zM.438.875H0v1.75h.438zm.438 1.75H.438v.438h.438zm.875.438H.875v.438h.875zm4.375 0h-.875v.438h.875zm.438-.438h-.438v.438h.438zM5.251 3.938V3.5h-.438v.875h1.75v-.437zM1.75 3.5v.438H.438v.438h1.75V3.5zm-1.313.875H0v1.75h.438zm.438 1.75H.438v.438h.438zm5.25.438H.875v.438h5.25zm.438-.438h-.438v.438h.438zm.438-1.75h-.438v1.75h.438zm-4.376 0h-.437v.438h.438zm.438.438h-.438v.438h.438zm1.313 0h-.438v.438h.438zm.438-.438h-.438v.438h.438zm-.875.875h-.876v.438h.875z" fill="#000"/>
	<path d="M4.813 4.375v.438h-.438v.438h-.437v.438h-.875v-.438h-.438v-.438h-.437v-.438H.438v1.75h.438v.438h5.25v-.438h.438v-1.75z" fill="#6be473"/>
	<path d="M1.75 5.25h-.437v.438h.438zm-.438-.438H.875v.438h.438zM5.25 6.125v-.438h-.438v.438h-.874v-.438h-.875v.438h-.875v-.438H1.75v.438H.875v.438h5.25v-.438zm.438-.875H5.25v.438h.438zm.438-.438h-.438v.438h.438zm.438.875h-.438v.438h.438z" fill="#008456"/>
	<path d="M2.625 3.938h-.437v.438h.438zm.438.438h-.438v.438h.438zm1.313 0h-.438v.438h.438zm.438-.438h-.438v.438h.438zm.438-.875h-.438v.438h.438zm.875-.438h-.438v.438h.438zm.438-.875h-.438v.875h.438zM3.94 4.813h-.877v.438h.875z" fill="#ff1c90"/>
	<path d="M4.375 5.25h-.437v.438h.438zm.438-.438h-.438v.438h.438zm.438-.438h-.438v.438h.438zm-4.813.001v.875h.438v-.438h1.313v-.438zm.438-3.5H.438v.875h.438zM2.189.437H.875v.438h1.313zm.875.438h-.439v.438h.438zm.875-.438h-.876v.438h.875zm1.313 0h-.438v.875h.438V.875h.875V.438z" fill="#f0f0f0"/>
`;function cs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Wr}
	</svg>`}var Qr=E`
	<path d="M3.063.875v.438h.875V.875zm.875-.438v.438h1.75V.438zm1.75.438v.438h.438V.875zm.438.438v.438h.438v-.438zm.438.438v2.188h.438V1.75zm-.438 2.188v.875h.438v-.876zm-.438.875v.438h.438v-.438zm-.875.438v.438h.875v-.438zm-.875.438v.438h.875V5.69zm-.875.438v.438h.875v-.438z" fill="#000"/>
	<path d="M6.563 1.75h-.438v-.437h-.438V.875H3.938v.438h-.875V.875h-1.75v.438H.875v.438H.438v2.188h.438v.875h.438v.438h.875v.438h.875v.438h.875V5.69h.875v-.438h.875v-.438h.438v-.876h.438z" fill="#ff7fc0"/>
	<path d="M6.563 1.75h-.438v2.188h.438zm-.438 2.188h-.438v.875h.438zm-4.812 0H.875v.875h.438zm4.375.875h-.875v.438h.875zm-.875.438h-.875v.438h.875zm-.875.438h-.875v.438h.875zm-.875-.438h-.875v.438h.875zm-.875-.438h-.875v.438h.875z" fill="#ff1b90"/>
	<path d="M1.313.438v.438h1.75V.438zM.875.875v.438h.438V.875zm-.437.438v.438h.438v-.438zM0 1.75v2.188h.438V1.75zm.438 2.188v.875h.438v-.875zm.438.875v.438h.438v-.438zm.438.438v.438h.875v-.438zm.875.438v.438h.875v-.438z" fill="#000"/>
	<path d="M1.313.875v.438h1.75V.875zm2.625 0v.438h1.75V.875zm-.875.438v.438h.875v-.438z" fill="#f0f0f0"/>
	<path opacity=".6" d="M4.813 2.625v-.437h-.875v.438h-.875v-.438h-.875v.438H1.75v1.313h.438v.438h.879v.438h.875v-.438h.871v-.439h.438V2.625z" fill="#fff"/>
	<path d="M5.688 1.313v.438h.438v-.438zm-4.813 0v.438h.438v-.438zm.438.438v.438h.438V1.75zM.438 1.75v.875h.438V1.75z" fill="#f0f0f0"/>
`;function hs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Qr}
	</svg>`}var Yr=E`
	<path d="M6.125 2.625v.438H4.812v-.438h-.438v-.437h-.436V.875h.438V.438H.438v.438h.875v.438h.438v.438h.875v.875h-.438v.438H1.75v.875h-.437v.875H.875v.875H.438v.875h1.313v-.438h.875v-.438h.438v-.438h.438v-.438h.875v-.438h.438v-.437h.438v.438h.438v.438h.438v.438h.438V2.625z" fill="#ffe361"/>
	<path d="M6.125 0H4.812v.438h1.313zM1.75 6.563H.438v.438h1.313zm.875-.438H1.75v.438h.875zM1.313.875H.438v.438h.875zm.438.875v.438h.438v.438h.438V1.75zm0 1.313h-.438v.875h.438zm-.438.875H.875v.875h.438zm-.438.875H.438v.875h.438zm-.438.875H0v.875h.438zm3.938-.875H3.5v.438h.875zm0-4.813H.438v.438h3.938z" fill="#000"/>
	<path d="M4.375.438H.438v.438h3.938z" fill="#f0f0f0"/>
	<path d="M6.125 2.625H4.812v.438h1.313zM4.812.437h-.438v.438h.438z" fill="#000"/>
	<path d="M4.813.875h-.438v.875h.438zM6.126.437H4.813v.438h1.313z" fill="#f0f0f0"/>
	<path d="M6.125 2.188H4.812v.438h1.313z" fill="#ba3500"/>
	<path d="M.438.438H0v.438h.438zm1.313.875h-.438v.438h.438zm.438 1.313H1.75v.438h.438zM6.564.438h-.438v.438h.438zm.438.438h-.438v1.313h.438z" fill="#000"/>
	<path d="M6.563.875h-.438v1.313h.438z" fill="#ba3500"/>
	<path d="M7 2.625h-.438V5.25H7z" fill="#000"/>
	<path d="M6.563 2.625h-.438V5.25h.438z" fill="#ffb84b"/>
	<path d="M6.563 2.188h-.438v.438h.438zM4.375.875h-.437v1.313h.438zm.438 1.313h-.438v.438h.438z" fill="#000"/>
	<path d="M4.813 1.75h-.438v.438h.438z" fill="#ba3500"/>
	<path d="M3.063 5.688h-.438v.438h.438z" fill="#000"/>
	<path d="M4.375 3.063v.438h-.437v.438H3.5v.438h-.437v.438h-.438v.438h-.437v.438H1.75v.438h.875v-.438h.438v-.438h.438v-.438h.875v-.438h.438V3.063zM1.75 6.126h-.437v.438h.438z" fill="#ffb84b"/>
	<path d="M3.5 5.25h-.437v.438h.438z" fill="#000"/>
	<path d="M2.188 3.063H1.75v.438h.438zm.438-.438h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.063 2.188h-.438v.438h.438zm.438-.438h-.438v.438h.438z" fill="#ffb84b"/>
	<path d="M2.625 3.5h-.437v.438h.438zm-.875.438h-.437v.438h.438zm-.438.875H.875v.438h.438zm-.438.875H.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M4.813 4.375h-.438v.438h.438zm.438-.438h-.438v.438h.438zm.438.438h-.438v.438h.438zm.438.438h-.438v.438h.438zm.438.438h-.438v.438h.438z" fill="#000"/>
	<path d="M6.125.875H4.812v1.313h1.313z" fill="#fd6214"/>
`;function ds(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Yr}
	</svg>`}var Gr=E`
	<path d="M6.563 0.876V0.437H3.937v0.437H1.313v2.187H0.437v2.187h5.25v-2.186h0.876z" fill="#bcef42"/>
	<path d="M4.813 5.687v-0.437H2.187v0.437z" fill="#7fb134"/>
	<path d="M6.563 0.876V0.437H3.937v0.437zm-2.626 0.437V0.876H2.187v0.437z" fill="#fff"/>
	<path d="M1.313 4.813v0.437h0.876v-0.437zm4.376 -0.437h-0.437v0.876h0.437zm0.876 -2.187h-0.437v0.876h0.437zm-0.437 0.876h-0.437v1.313h0.437z" fill="#7fb134"/>
	<path d="M7 0.437h-0.437v2.626H7z" fill="#000"/>
	<path d="M1.313 3.937H0.876v2.626h0.437z" fill="#4a8359"/>
	<path d="M6.563 0H3.937v0.437h2.626zM4.813 5.687H2.187v0.437h2.626zM3.937 0.437H2.187v0.437h1.75zM2.187 0.876h-0.874v0.437h0.876zm-0.874 0.437H0.876v0.876h0.437zM0.437 3.063H0v2.187h0.437v1.313h0.437V5.25H0.437zh0.437v-0.876H0.437zm5.25 2.187h-0.876v0.437h0.876zm0.437 -0.876h-0.437v0.876h0.437zh0.437V3.063h-0.437zM1.75 5.687h0.437v-0.437h-0.874v1.313h0.437zm-0.437 0.876H0.876V7h0.437z" fill="#000"/>
	<path d="M0.876 3.063h0.437v-0.876H0.876zm-0.438 0.874h0.437v-0.874H0.437zm1.75 -2.626h-0.874v0.876h0.437v-0.437h0.437z" fill="#fff"/>
	<path d="M1.75 3.5h0.876v-0.437h-0.876zm0.876 -0.437h0.876v-0.437h-0.876zm0.876 -0.437h0.876v-0.438H3.5zm0.876 -0.437h0.437v-0.438h-0.437zm0.437 -0.437h0.437v-0.438H4.814z" fill="#4a8359"/>
	<path d="M2.187 1.75v0.437h0.437v-0.437z" fill="#fff"/>
	<path d="M1.313 3.5v0.437h0.437V3.5z" fill="#4a8359"/>
`;function ms(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Gr}
	</svg>`}var Jr=E`
	<path d="M2.188 2.625H1.75v.438H.875v.875H3.5v.875h-.437v.438h-.438v.438h-.437v.438H1.75v.438h.875v-.438h.438v-.438h.438v-.438h.438v-.438h.875v-.438h.438v-.437h.875v-.875H3.063v-.438h.438v-.437h.438V1.75h.438v-.437H3.5v.438h-.437v.438h-.875z" fill="#ffe361"/>
	<path d="M.438 3.063H0v.875h.438z" fill="#000"/>
	<path d="M.875 3.063H.438v.875h.438z" fill="#f0f0f0"/>
	<path d="M7 3.063h-.438v.875H7zm-5.687-.438H.438v.438h.875zm1.313-.875H1.75v.438h.875zm-.876.438h-.437v.438h.438z" fill="#000"/>
	<path d="M1.75 2.625h-.437v.438h.438zm.438-.438H1.75v.438h.438zm.438.438h-.438v.438h.438zm.438-.875h-.439v.438h.438zm.438-.438h-.439v.438h.438zm0 3.063h-.439v.438h.438zm-.438.438h-.439v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438H1.75v.438h.438zm-.438.438h-.437v.438h.438z" fill="#f0f0f0"/>
	<path d="M5.25.875h-.438v.438h.438zm.438 3.063H5.25v.438h.438zm-.438.438h-.438v.438h.438zm-.875.438h-.437v.438h.438zm-.438.438H3.5v.438h.438zm2.625-1.75h-.438v.438h.438z" fill="#ffb84b"/>
	<path d="M6.563 3.063h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M4.813 1.313h-.438v.438h.438zm-.438.438h-.437v.438h.438zm-.437.437H3.5v.438h.438zm-.438.437h-.437v.438h.438z" fill="#ffb84b"/>
	<path d="M4.375.875h-.437v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.938.875h-.875v.438h.875zm-.875.438h-.438v.438h.438zM5.688 0H4.375v.438h1.313z" fill="#000"/>
	<path d="M5.688.438H4.375v.438h1.313z" fill="#f0f0f0"/>
	<path d="M6.563 2.625H3.5v.438h3.063zM4.375.437h-.437v.438h.438zm1.75 0h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.435v.438h.438zm2.188 1.75h-.875v.438h.875zm-1.313.875h-.875v.438h.875zm.438-.438h-.438v.438h.438zm-1.75 1.313h-.873v.438h.875zm.438-.438h-.436v.438h.438zm-1.75 1.313H1.313v.438h1.313zm.875-2.625H.438v.438h3.063zm-.438 2.188h-.436v.438h.438zm-1.75 0H.875v.438h.438zm.438-.438h-.436v.438h.438zm.438-.438H1.75v.438h.438zm.438-.438h-.437v.438h.438zm.438-.438h-.438v.438h.438z" fill="#000"/>
	<path d="M4.813.875h-.438v.438h.438z" fill="#ffe361"/>
`;function ps(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Jr}
	</svg>`}var Kr=E`
	<path d="M6.125 1.75v-.437H5.25V.438H3.5v.438h-.437v.438h-.438V.875H1.313v.438H.875v1.75H.438v1.313h.438v-.438h.438V3.5h2.188v-.875h.438v-.437h2.188v.438h.438V1.75z" fill="#b79cf8"/>
	<path d="M3.938 2.625v.438H3.5v.875h.438v.875h.875v.438h1.313v-.438h.438V2.625z" fill="#9af4dc"/>
	<path d="M1.75 4.375v1.75h.438v.438h1.313v-.438h.438v-1.75z" fill="#9af4dc"/>
	<path d="M3.5 6.125H2.188v.438h1.313zm2.625-1.313H4.812v.438h1.313zm.438-.438h-.438v.438h.438zM3.938 5.687H3.5v.438h.438z" fill="#6c9ca6"/>
	<path d="M3.938 3.063H3.5v.438h.438zm.875.438h-.438v.438h.438zm1.313-.875H3.938v.438h2.188z" fill="#f0f0f0"/>
	<path d="M3.5.438h-.437v.438h.438zm3.063.875h-.438v.438h.438zm-.438 2.188h-.438v.875h.438zm-2.187-.876H3.5v.438h.438z" fill="#000"/>
	<path d="M3.938 2.188H3.5v.438h.438z" fill="#816bee"/>
	<path d="M1.313 3.938H.875v.438h.438zm1.75 1.75h-.438v.438h.438zm-.438-.438h-.437v.438h.438z" fill="#000"/>
	<path d="M2.625 5.25h-.437v.438h.438zm3.063-.875H5.25v.438h.438zm-.438-.438h-.438v.438h.438zM2.187 6.125H1.75v.438h.438zm1.75 0H3.5v.438h.438zM.874 4.375H.438v.438h.438zm.438 1.75H.875v.438h.438zm-.438.438H.438v.438h.438zM6.563 1.75v.875h-.438v.438h.438v1.75h.438V1.75zM5.688.875V.438H5.25v.875h.875V.875zM2.625.438H1.313v.438h1.313zm3.063 2.625H4.375v.438h1.313zM3.063 4.376H1.75v.438h1.313zm.438 2.188H2.188v.438h1.313zM3.063.875h-.438v.438h.438zm-1.75 0H.875v.438h.438z" fill="#000"/>
	<path d="M2.625.875H1.313v.438h1.313zm.438.438h-.438v.438h.438zm-1.313.875h-.437v.438h.438zm-.875.875H.438v.438h.438zm.438-1.75H.875v.438h.438z" fill="#f0f0f0"/>
	<path d="M6.125 5.25H4.812v.438h1.313zm-1.75-.438V3.5h-.437v.438H3.5v.438h.438v1.75h.438v-.875h.438v-.438zm2.188 0h-.438v.438h.438zM.875 1.313H.438v1.75h.438zm-.437 1.75H0v1.313h.438zm1.313 1.75h-.438v1.313h.438zm1.75 0h-.438v.875h.438zm-3.063 0H0v1.75h.438zM5.25 0H3.5v.438h1.75z" fill="#000"/>
	<path d="M3.5.875h-.437v.438h.438zM5.25.437H3.5v.438h1.75z" fill="#f0f0f0"/>
	<path d="M6.125 2.188H3.938v.438h2.188z" fill="#000"/>
	<path d="M6.125 1.75v-.437h-.438v.438H3.938v.438h2.188v.438h.438V1.75z" fill="#816bee"/>
	<path d="M2.188 4.813H1.75v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.063 2.625v.438h-1.75v.438h2.188v-.876z" fill="#816bee"/>
	<path d="M3.063 3.063v.438h-1.75v.438h2.188v-.876z" fill="#000"/>
	<path d="M1.313 3.5H.875v.438h.438zm-.438.438H.438v.438h.438z" fill="#816bee"/>
	<path d="M1.313 3.938v.438H.875v.438H.438v1.75h.438v-.438h.438V4.813h.438v-.438h1.75v-.437z" fill="#9af4dc"/>
	<path d="M1.313 4.375H.875v.438h.438zm-.438.438H.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M1.313 5.688H.875v.438h.438zm-.438.438H.438v.438h.438z" fill="#6c9ca6"/>
	<path d="M3.5 3.938H1.313v.438h2.188z" fill="#f0f0f0"/>
`;function fs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Kr}
	</svg>`}var Xr=E`
	<path d="M6.125 2.188v-.875h-.438V.875h-.438V.438h-.875v.438h.438v.438h.438v1.75h-.438v.438h-.438v.438H2.625V3.5h-.437v-.437H1.75v-1.75h.438V.875h.438V.438H1.75v.438h-.437v.438H.875v.875H.438v2.625h.438v.875h.438v.438h.875v.438h2.625v-.438h.875v-.438h.438v-.875h.438V2.188z" fill="#b79cf8"/>
	<path d="M2.625 0H1.75v.438h.875zM.875 1.313H.438v.875h.438zm1.313 0H1.75v1.75h.438zm2.188 2.188H2.625v.438h1.75z" fill="#000"/>
	<path d="M4.375 3.938h-1.75v.438h1.75z" fill="#f0f0f0"/>
	<path d="M.438 2.188H0v2.625h.438zm4.375 4.375H2.188v.438h2.625z" fill="#000"/>
	<path d="M.875 4.375H.438v.438h.438zm4.813.875h-.875v.438H2.188V5.25h-.875v-.438H.875v.875h.438v.438h.875v.438h2.625v-.438h.875v-.438h.438v-.875h-.438zm.875-.875h-.438v.438h.438z" fill="#816bee"/>
	<path d="M1.75.438h-.437v.438h.438zm-.437.437H.875v.438h.438z" fill="#000"/>
	<path d="M2.625.438H1.75v.438h.875zM1.75.875h-.437v.438h.438zm-.437.438H.875v.438h.438zm-.438.875H.438v.438h.438zm.438.438H.875v.438h.438zm.875.438H1.75v.438h.438zm.438.438h-.438v.438h.438zm2.625-.438h-.438v.438h.438zM4.813.439h-.438v.438h.438zm0 3.063h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.063.438h-.438v.438h.438zm-.438.437h-.437v.438h.438zm0 2.188h-.437v.438h.438zm-1.75 1.75H.438v.875h.438zm.438.875H.875v.438h.438zM5.251 0h-.875v.438h.875zm.438 6.125h-.875v.438h.875zm-3.5 0h-.876v.438h.875zm4.374-4.812h-.438v.875h.438zm-1.313 0h-.438v1.75h.438zM7 2.188h-.438v2.625H7zM5.687.438h-.438v.438h.438zm.438.438h-.438v.438h.438zM4.375.438h-.437v.438h.438zm.438.438h-.438v.438h.438zm0 2.188h-.438v.438h.438zm1.75 1.75h-.438v.875h.438zm-.438.875h-.438v.438h.438z" fill="#000"/>
	<path d="M2.188.875H1.75v.438h.438z" fill="#b79cf8"/>
`;function us(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Xr}
	</svg>`}var eo=E`
	<path d="M4.813 5.25v-.875h-.438v-.437h-1.75v.438h-.437v.875H1.75v1.313h3.5V5.251z" fill="#ffe361"/>
	<path d="M6.125 1.313V.875H5.25V.438h-3.5v.438H.875v.438H.438v2.625h.438v.438h.875v-.439h3.5v.438h.875v-.438h.438V1.313z" fill="#ff2c52"/>
	<path d="M5.25 0h-3.5v.438h3.5z" fill="#000"/>
	<path d="M5.25.438h-3.5v.438h3.5zm-3.5.437H.875v.438h.875zm4.375 0H5.25v.438h.875z" fill="#fff"/>
	<path d="M5.25 6.563h-3.5v.438h3.5zM.438 1.313H0v2.625h.438zM1.751.438H.875v.438h.875z" fill="#000"/>
	<path d="M.875 3.063v-1.75H.438v2.625h.875v-.875z" fill="#fff"/>
	<path d="M6.563 1.313h-.438v2.625h.438z" fill="#be0351"/>
	<path d="M6.563 2.625h-.875V3.5h.875zM5.25.875h-.875v.875h.875z" fill="#fff"/>
	<path opacity=".5" d="M6.563 2.625h-.438V3.5h.438z" fill="#be0351"/>
	<path d="M4.375 3.063h-1.75v.438h1.75zm.875.438h-.875v.438h.875zM2.625 3.5H1.75v.438h.875z" fill="#be0351"/>
	<path d="M2.625 4.375h-.437v.875h.438z" fill="#fff"/>
	<path d="M4.813 4.375h-.438v.875h.438zm0 .875v.875H1.75v.438h3.5V5.25z" fill="#ffb84b"/>
	<path d="M2.188 5.25H1.75v.875h.438z" fill="#fff"/>
	<path d="M1.75 3.938H.875v.438h.875zm4.375 0H5.25v.438h.875z" fill="#be0351"/>
	<path d="M3.5 2.625h-.875V3.5H3.5z" fill="#fff"/>
	<path opacity=".5" d="M3.5 3.063h-.875v.438H3.5z" fill="#be0351"/>
	<path d="M4.375 3.5h-1.75v.438h1.75z" fill="#000"/>
	<path d="M4.375 3.938h-1.75v.438h1.75z" fill="#fff"/>
	<path d="M.875.875H.438v.438h.438z" fill="#000"/>
	<path d="M2.188 1.313H1.75v.438h.438z" fill="#fff"/>
	<path d="M1.75 5.25h-.437v1.313h.438zm.438-.875h.438v-.437H1.75v.438H.875v.438h.875v.438h.438zM.875 3.938H.438v.438h.438zM7 1.313h-.438v2.625H7zM6.125.438H5.25v.438h.875zm.438.438h-.438v.438h.438zm-.438 3.5H5.25v-.438h-.875v.438h.438v.875h.438v1.313h.438V5.251h-.438v-.438h.875zh.438v-.438h-.438z" fill="#000"/>
`;function vs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${eo}
	</svg>`}var to=E`
	<path d="M6.125 3.063v-.438H5.25v-.437h-.438V1.75h-.438V.875h-.436V.438h-.875v.438h-.438v.875h-.437v.438H1.75v.438H.875v.438H.438v.875h.438v.438h.875v.438h.438v.438h.438v.875h.438v.438h.875v-.438h.438v-.875h.438v-.438h.438v-.438h.875v-.44h.438v-.875z" fill="#47baff"/>
	<path d="M4.813 3.063h-.875v-.438h-.875v.438h-.875v.875h.875v.438h.875v-.438h.875z" fill="#b5e3ff"/>
	<path d="M1.313 0H.438v.438h.875zm.875.438h-.875v.438h.875zm-.438 1.75H.875v.438h.875zM.438.438H0v.875h.438z" fill="#000"/>
	<path d="M1.313.438H.438v.875h.438V.875h.438z" fill="#f0f0f0"/>
	<path d="M.438 3.063H0v.875h.438zM7.001.438h-.438v.875h.438zm-.438.875h-.438v.875h.438zm-5.688 0H.438v.875h.438zm1.75-.438h-.437v.875h.438zm2.188 0h-.438v.875h.438zM3.063.438h-.438v.438h.438z" fill="#000"/>
	<path d="M3.063.875h-.438v.438h.438zm.438.438h-.438v.438h.438zm-1.313.875H1.75v.438h.438zm-.875.437H.875v.438h.438zm-.438.438H.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M1.313 6.563v-.438h.875V5.25H1.75v-.438H.875v.875H.438v.875z" fill="#b79cf8"/>
	<path d="M.875 5.688H.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M2.188 1.75H1.75v.438h.438z" fill="#000"/>
	<path d="M2.188.875H.875v1.313h.875V1.75h.438zm3.938 1.313V.875H4.813v.875h.438v.438z" fill="#b79cf8"/>
	<path d="M2.188.875H1.75v.875h.438zm-.438.875h-.437v.438h.438zm4.375-.438h-.438v.875h.438zm.438-.438h-.438v.438h.438z" fill="#816bee"/>
	<path d="M5.688 6.563v-.438h-.875V5.25h.438v-.438h.875v.875h.438v.875z" fill="#b79cf8"/>
	<path d="M6.563 5.688h-.438v.438h.438zm-.438-.875h-.438v.438h.438z" fill="#816bee"/>
	<path d="M.875 2.625H.438v.438h.438zM7 3.063h-.438v.875H7zm-.438-.438h-.438v.438h.438zM4.374.437h-.436v.438h.438zm.875 1.313h-.438v.438h.438zM3.938 0h-.875v.438h.875z" fill="#000"/>
	<path d="M3.938.438h-.875v.438h.875zm0 2.625h-.875v.875h.875zM6.563.438h-.875v.438h.875zm-.875.438h-.875v.438h.875z" fill="#f0f0f0"/>
	<path d="M3.938 2.188h-.875v.438h.875zm0 2.188h-.875v.438h.875zM6.563.001h-.875v.438h.875zm-.875.438h-.875v.438h.875zm.438 1.75h-.875v.438h.875zM1.313 6.563H.438v.438h.875zm.875-.438h-.875v.438h.875zm-.438-1.75H.875v.438h.875zM.437 5.688H0v.875h.438zm6.563 0h-.438v.875H7zm-.438-.875h-.438v.875h.438zm-5.687 0H.438v.875h.438zm1.75.438h-.437v.875h.438zm2.188 0h-.438v.875h.438zm-1.75.875h-.438v.438h.438zm-.875-1.313H1.75v.438h.438z" fill="#000"/>
	<path d="M2.188 5.25H1.75v.875h.438zm-.438-.438h-.437v.438h.438z" fill="#816bee"/>
	<path d="M.875 3.938H.438v.438h.438zm1.313-.875H1.75v.875h.438zm.875-.438h-.875v.438h.875zm0 1.313h-.875v.438h.875zm2.188-.875h-.438v.875h.438zm-.438-.438h-.875v.438h.875zm0 1.313h-.875v.438h.875zm1.75 0h-.438v.438h.438z" fill="#000"/>
	<path d="M6.563 3.063h-.438v.875h.438zm-.438-.438h-.438v.438h.438zm0 1.313h-.438v.438h.438zm-.875 0h-.438v.438h.438zm-1.313.875h-.874v.438h.875zm.438-.438h-.437v.438h.438zm-1.313 0h-.437v.438h.438zm.875 1.75h-.874v.438h.875zm.438-.438h-.437v.438h.438zm-1.313 0h-.437v.438h.438zm-.874-1.749H1.75v.438h.438zM.875 3.5H.438v.438h.438zm.438.438H.875v.438h.438z" fill="#4282d8"/>
	<path d="M4.375 6.125h-.437v.438h.438zm.875-1.313h-.438v.438h.438zm-1.313 1.75h-.874V7h.875zm2.625 0h-.875V7h.875zm-.875-.438h-.875v.438h.875zm.438-1.75H5.25v.438h.875z" fill="#000"/>
`;function gs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${to}
	</svg>`}var io=E`
	<path d="M3.938.438h-.875v1.75h.875zm.875 2.625v-.438h-.438v-.437h-1.75v.438h-.437v.438H.438v.875h1.75v.438h.438v.438h.438v1.75h.875v-1.75h.438v-.438h.438v-.439h1.75v-.875z" fill="#bcef42"/>
	<path d="M1.75 0h-.437v.438h.438zm.875 2.188h-.437v.438h.438zm2.188 0h-.438v.438h.438zM5.688 0H5.25v.438h.438zm.438.438h-.438v.438h.438zm.438.438h-.438v.438h.438zm.438.438h-.438v.438h.438zM3.938 0h-.875v.438h.875z" fill="#000"/>
	<path d="M3.938.438h-.875v.438h.875z" fill="#f0f0f0"/>
	<path d="M3.938 1.313h-.875v.438h.875zm0 .438h-.875v.438h.875z" fill="#7fb134"/>
	<path d="M3.938 5.25h-.875v.438h.875z" fill="#f0f0f0"/>
	<path d="M3.938 6.125h-.875v.438h.875zm0-1.313h-.875v.438h.875z" fill="#7fb134"/>
	<path d="M3.938 2.625h-.875v.438h.875zm0 1.313h-.875v.438h.875zm.438-.875h-.438v.875h.438z" fill="#000"/>
	<path d="M5.25 3.063h-.438v.875h.438z" fill="#7fb134"/>
	<path d="M3.063 3.063h-.438v.875h.438z" fill="#000"/>
	<path d="M2.625 2.625h-.437V3.5h.438z" fill="#f0f0f0"/>
	<path d="M1.313.438H.875v.438h.438z" fill="#000"/>
	<path d="M1.313.438v.438H.875v.438H.438v.438h1.313V.438z" fill="#6be473"/>
	<path d="M1.75.438h-.437v.438h.438zm-.437.437H.875v.438h.438z" fill="#f0f0f0"/>
	<path d="M1.75 1.313H.438v.438h1.313z" fill="#008456"/>
	<path d="M5.25 5.25v1.313h.438v-.438h.438v-.438h.438v-.438zm-4.812 0v.438h.438v.438h.438v.438h.438V5.251z" fill="#6be473"/>
	<path d="M1.75 5.25H.438v.438h1.313z" fill="#f0f0f0"/>
	<path d="M1.313 5.688v.875h.438v-.875z" fill="#008456"/>
	<path d="M6.125 1.313V.875h-.438V.438h-.438v1.313h1.313v-.438z" fill="#6be473"/>
	<path d="M5.688.438H5.25v.438h.438zm0 2.625H5.25v.438h.438z" fill="#f0f0f0"/>
	<path d="M6.563 3.5H5.25v.438h1.313z" fill="#7fb134"/>
	<path d="M6.563 1.313H5.25v.438h1.313z" fill="#008456"/>
	<path d="M.875.875H.438v.438h.438zM3.063.437h-.438v1.75h.438zm1.313 0h-.438v1.75h.438zm2.625 2.625h-.438v.875h.438zm-.438-.438h-1.75v.438h1.75zm0 1.313h-1.75v.438h1.75zM.438 3.063H0v.875h.438zm1.75-.438H.438v.438h1.75z" fill="#000"/>
	<path d="M1.75 3.063H.438v.875h.438V3.5h.875z" fill="#f0f0f0"/>
	<path d="M2.188 3.938H.438v.438h1.75zM.438 1.313H0v.438h.438zm1.313 5.25h-.438v.438h.438zm.875-2.188h-.438v.438h.438z" fill="#000"/>
	<path d="M1.75 3.5h-.437v.438h.438zm.438-.438H1.75v.875h.438z" fill="#7fb134"/>
	<path d="M2.188 3.063H1.75v.875h.438z" fill="#3f581a"/>
	<path d="M4.375 4.375h-1.75v.438h1.75z" fill="#7fb134"/>
	<path d="M4.375 2.188h-1.75v.438h1.75z" fill="#f0f0f0"/>
	<path d="M4.813 4.375h-.438v.438h.438z" fill="#000"/>
	<path d="M4.813 3.938h-.438v.438h.438z" fill="#7fb134"/>
	<path d="M5.688 6.563H5.25v.438h.438zm.438-.438h-.438v.438h.438zm.438-.438h-.438v.438h.438zm.438-.438h-.438v.438h.438zM3.939 6.562h-.876V7h.875zm-2.625-.438H.875v.438h.438zm-.438-.438H.438v.438h.438zm2.188-.875h-.439v1.75h.438zm1.313 0h-.439v1.75h.438zM1.75 1.75H.438v.438h1.75V.438H1.75zm3.5 0V.438h-.438v1.75h1.75V1.75z" fill="#000"/>
	<path d="M.438 4.813v.438h1.313v1.313h.438v-1.75zm4.375 0v1.75h.438V5.25h1.313v-.438zM.438 5.25H0v.438h.438z" fill="#000"/>
	<path d="M5.688 6.125H5.25v.438h.438zm.438-.438h-.438v.438h.438zm.438-.438h-.438v.438h.438z" fill="#008456"/>
	<path d="M5.688 5.25H5.25v.438h.438z" fill="#f0f0f0"/>
	<path d="M3.938 3.063h-.875v.875h.875z" fill="#7fb134"/>
	<path d="M3.938 1.75h-.875v.438h.875zm0 3.063h-.875v.438h.875zm1.313-1.75h-.438v.875h.438z" fill="#3f581a"/>
`;function _s(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${io}
	</svg>`}var so=E`
	<path d="M4.813 4.375h.438v-.437h1.313V3.5H5.251v-.437h-.438V1.75h.875v-.437H4.375v.438H3.063v-.438h-.438V.875H1.75v.438h-.437v.438H.875v.438H.438v2.625h.438v.438h.438v.438h.438v-.875h1.75v.438h-.439v.438h.438v.438h.875v-.438h1.313v-.438h-.875z" fill="#54cfff"/>
	<path d="M3.938 4.813H3.5v.438h.438zm1.75.438H5.25v.438h.438zm.875-1.75h-.438v.438h.438zM5.25 3.063h-.438v.438h.438zM1.312 4.376H.875v.438h.438zm.438.438h-.437v.875h.438zm2.625.875H3.063v.438h1.313zm0-1.313h-.437v.438h.438z" fill="#4282D8"/>
	<path d="M3.938 0H3.5v.438h.438zm.438.438h-.438v.438h.438zm-.876 0H1.75v.438H3.5zM1.75.875h-.437v.438h.438zm1.313 0h-.438v.438h.438zm.438.438h-.438v.438h.438zm.875 0h-.438v.438h.438zM5.689.875H4.376v.438h1.313zm.438.438h-.438v.438h.438zm-4.814 0H.875v.438h.438zm-.438.437H.438v.438h.438zm-.437.438H0v2.625h.438zm.875.438H.875v1.75h.438zm.438-.438h-.438v.438h.438zm2.188-.438H1.75v.438h2.188z" fill="#000"/>
	<path d="M3.938 1.75H3.5v.875h.438zm1.75 0h-.875v.438h.875z" fill="#000"/>
	<path d="M5.25 1.75h-.438v1.313h.438zm1.313 1.313H5.25v.438h1.313zm.438.438h-.438v.438h.438zm-2.625-.875h-.438v1.75h.438zm2.188 1.313H5.251v.438h1.313zm-1.313.438h-.438v.875h.438z" fill="#000"/>
	<path d="M5.688 4.813h-.875v.438h.875zm.438.438h-.438v.438h.438zm-.438.438H4.375v.438h1.313zm-1.313.438h-1.75v.438h1.75zM3.5 4.814H1.75v.438H3.5zm-.875 1.75h-.437v.438h.438zm-.438-.438H1.75v.438h.438zm-.438-.438h-.436v.438h.438zm.438-.438H1.75v.438h.438zm.875 0h-.437v.438h.438zm-1.75 0H.875v.438h.438zm-.438-.438H.438v.438h.438zm.875-.438h-.436v.438h.438zm2.188 0H3.5v.438h.438z" fill="#000"/>
	<path d="M3.938 2.625H3.5v-.437H1.75v.438h-.437v1.75h.438v.438h1.75v-.438h.438z" fill="#9af4dc"/>
	<path d="M3.5 4.375H1.75v.438H3.5zm-1.75-.437h-.437v.438h.438zm2.188 0H3.5v.438h.438z" fill="#6c9ca6"/>
	<path d="M1.75 2.625h-.437v.438h.438zm.875.438h-.437v.438h.438zm.875-.875H1.75v.438H3.5z" fill="#f0f0f0"/>
	<path d="M3.5 5.688h-.437v.438h.438z" fill="#000"/>
	<path d="M.875 2.188H.438v.875h.438zm.875-.875h-.437v.438h.438zm.875-.438H1.75v.438h.875zm3.063.438H4.375v.438h1.313zM3.938.438H3.5v.438h-.437v.438h.438v.438h.438v-.439h.438V.875h-.439zM2.625 5.25h-.437v.438H1.75v.438h.438v.438h.438v-.438h.438v-.438h-.439z" fill="#f0f0f0"/>
`;function bs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${so}
	</svg>`}var ao=E`
	<path d="M5.688 1.313V.875h-.875v.438h-.438V.875h-.437V.438h-.875v.438h-.438v.438h-.437V.875h-.875v.438H.875v1.75h.875v.438h.438v-.438h2.625v.438h.438v-.438h.875v-1.75z" fill="#d1cdd5"/>
	<path d="M6.125 3.938V3.5h-1.75v-.437h-1.75v.438H.875v.438H.438v1.313h.438v.438h1.75v.438h.438v.438h.875v-.438h.438V5.69h1.75v-.438h.438V3.938z" fill="#57595f"/>
	<path d="M3.938 0h-.875v.438h.875zm-.875.438h-.438v.438h.438zm1.313 0h-.438v.438h.438zm1.313 0h-.875v.438h.875zm.438.438h-.438v.438h.438zm-1.313 0h-.438v.438h.438zM2.625.875h-.437v.438h.438zM2.188.438h-.875v.438h.875zm-1.313.875H.438v1.75h.438zm.438-.438H.875v.438h.438zM.875 3.5H.438v.438h.438zm-.437.438H0v1.313h.438zm.438 1.313H.438v.438h.438zm1.75.438H.875v.438h1.75zm.438.438h-.439v.438h.438zm.875.438h-.876v.438h.875zm.438-.438h-.439v.438h.438zm1.75-.438h-1.75v.438h1.75zm.438-.438h-.438v.438h.438zm.438-1.313h-.438v1.313h.438zM6.565 3.5h-.438v.438h.438zm0-2.188h-.438v1.75h.438zM2.188 3.5H1.75v.438h.438zm.438-.438h-.438V3.5h.438zm1.75-.438H2.625v.438h1.75zm.438.438h-.438V3.5h.438zm.438.438h-.438v.438h.438zm.438-.438h-.438V3.5h.875v-.437zm-4.377.001H.875v.438h.875v-.438z" fill="#000"/>
	<path d="M.875 4.813H.438v.438h.438zm.438.438H.875v.438h.438zm1.75.438h-.438v.438h.438zm1.313 0h-.438v.438h.438zm-.438.438h-.875v.438h.875zm2.188-.875h-.438v.438h.438zm.438-1.313h-.438v1.313h.438z" fill="#35363a"/>
	<path d="M1.313 2.625H.875v.438h.438zm.875.438H1.75v.438h.438zm3.063 0h-.438v.438h.438zm-2.626-.438h-.437v.438h.438zm2.188 0h-.438v.438h.438z" fill="#847d8b"/>
	<path d="M5.25 3.063h-.438v.438h.438zm-.875-.875h-1.75v.438h1.75zm1.75-.438h-.438v1.313h.438z" fill="#847d8b"/>
	<path d="M1.75 1.75h-.437v.438h.438zm-.437-.437H.875v.438h.438zm.875-.438h-.875v.438h.875zm.875 0h-.438v.438h.438zm.875-.438h-.875v.438h.875zm.438.438h-.438v.438h.438zm1.313 0h-.875v.438h.875zm.438.438h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M.875 3.938H.438v.438h.438zm.438-.438H.875v.438h.438zm1.313 0h-.438v.438h.438zm1.75-.438H2.625V3.5h1.75zm.875.875h-.438v.438h.438zm.875-.438h-.875v.438h.875z" fill="#d8d8d8"/>
`;function ys(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${ao}
	</svg>`}var ro=E`
	<path d="M6.125 1.75v-.437h-.438V.875h-.438V.438H2.625v.438H1.75v.438h-.437v.438H.875v.875H.438v2.188h.438v.438h.438v.438h.438v.438h.438v.438h2.188v-.438h.875v-.438h.438v-.438h.438v-.875h.438V1.75z" fill="#bcef42"/>
	<path d="M6.563.438h-.875v.438h.875z" fill="#f0f0f0"/>
	<path d="M1.313 5.688H.438v.438h.875z" fill="#bcef42"/>
	<path d="M1.75 6.125H.438v.438h1.313z" fill="#7fb134"/>
	<path d="M6.563 3.5h-.438v.875h.438z" fill="#816bee"/>
	<path d="M5.25.438H2.625v.438H5.25z" fill="#f0f0f0"/>
	<path d="M5.25.875H2.625v.438H5.25z" fill="#b79cf8"/>
	<path d="M4.375 6.125H2.188v.438h2.188z" fill="#816bee"/>
	<path d="M6.563.875h-.438v.438h.438z" fill="#bcef42"/>
	<path d="M2.625 2.188h-.437v.438h.438zM1.313 1.75H.875v.438h.438zm.438-.438h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M2.625 1.313h-.437v.438h.438zm3.063 0H5.25v.438h.438z" fill="#b79cf8"/>
	<path d="M2.188.875H1.75v.438h.438zm.875 1.75h-.438v.438h.438zM.875 5.25H.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M6.125 4.813h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438z" fill="#816bee"/>
	<path d="M6.563.438v.875h-.438V.875h-.438v.438h.438v.438h.438v2.625h.438V.438zm-5.25.875H.875v.438h.438zm.438-.438h.875V.438H1.75zh-.438v.438h.438zm4.813 3.5h-.438v.875h.438zM.875 1.75H.438v.875h.438zM5.25 6.125h-.875v.438h.875zm.875-.875h-.438v.438h.438zm-4.812 0H.875v.438h.438zm.438.438h-.438v.438h.438zm-.875-.875H.438v.438h.438zm4.813.875h-.438v.438h.438zM.438 2.625H0v3.938h.438z" fill="#000"/>
	<path d="M5.25.875h.438V.438h.875V0H2.625v.438H5.25zM2.188 6.563v-.438H1.75v.438H.438v.438h3.938v-.438z" fill="#000"/>
	<path d="M.875 2.625H.438V3.5h.438z" fill="#f0f0f0"/>
	<path d="M4.375 2.625H3.5v.438h.875zm-.438 1.75h-.874v.438h.875zm.875-1.313h-.438v.875h.438zm-3.5 1.75h.875v-.438H1.75V2.188h-.437zm3.5-3.063H3.063v.438h1.75zm-.438 3.5H2.625v.438h1.75zm2.188-3.063h-.438v1.313h.438zM.875 3.5H.438v1.313h.438zm1.313-1.75H1.75v.438h.438zm1.313 1.313h-.438v.438h.438zm-.438.875h-.438v.438h.438zm-.438.875h-.437v.438h.438zm1.75-.875h-.437v.438h.438zm.438.875h-.438v.438h.438zm.438-.438h-.438v.438h.438zm-2.188-1.75v-.437h-.438v.438h-.437v1.313h.438V2.625zm3.063-.875h-.438v.438h.438zm-.875.438h-.438v.438h.438zm.438.438h-.438v1.75h.438zM1.313 4.813H.875v.438h.438zm.438.438h-.438v.438h.438zm.438.438H1.75v.438h.438z" fill="#b79cf8"/>
`;function xs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${ro}
	</svg>`}var oo=E`
	<path d="M6.125 1.75v-.437h-.438V.875h-.438V.438H1.75v.438h-.437v.438H.875v.438H.438v2.625h.438v.438h.438v.438h.438v.875h.438v.438h2.625v-.438h.438v-.875h.438v-.438h.438v-.438h.438V1.75z" fill="#d1cdd5"/>
	<path d="M1.75.438h-.437v.438h.438zm-.437.437H.875v.438h.438zm-.438.438H.438v.438h.438zm.875 3.938h-.437v.875h.438zm-.438-.438H.875v.438h.438zm.875 1.313H1.75v.438h.438zM.874 4.376H.438v.438h.438z" fill="#000"/>
	<path d="M1.75 4.813h-.437v.438h.438zm.438.875H1.75v.438h.438zm-.875-1.313H.875v.438h.438zm1.75-1.313H1.75v1.313h1.313z" fill="#847d8b"/>
	<path d="M3.063 3.5h-.875v.875h.875z" fill="#57595f"/>
	<path d="M5.25 3.063H3.938v1.313h1.313z" fill="#847d8b"/>
	<path d="M5.25 3.5h-.875v.875h.875z" fill="#57595f"/>
	<path d="M5.25 5.254h.438v-.438H5.25zm-.438.875h.438v-.438h-.438zm.875-1.313h.438v-.438h-.438z" fill="#847d8b"/>
	<path d="M.438 1.75H0v2.625h.438z" fill="#000"/>
	<path d="M.875 1.75H.438v2.625h.438z" fill="#fff"/>
	<path d="M5.25.879h.438V.441H5.25zm.438.438h.438V.879h-.438zm.438.438h.438v-.438h-.438zM5.251 6.13h.438v-.875h-.438zm.438-.875h.438v-.438h-.438zm-.875 1.313h.438V6.13h-.438zm1.313-1.75h.438V4.38h-.438zm.438-.438h.438V1.755h-.438z" fill="#000"/>
	<path d="M6.125 4.379h.438V1.754h-.438z" fill="#847d8b"/>
	<path d="M1.75 0v.438h3.5V0z" fill="#000"/>
	<path d="M1.75.875h-.437v.438h.438zm-.437.438H.875v.438h.438zm.438.438h-.438v.438h.438zm3.5-.433h.438V.88h-.438zm.438.438h.438v-.438h-.438zM1.75.438v.438h3.5V.438z" fill="#fff"/>
	<path d="M2.188 6.563v.438h2.625v-.438z" fill="#000"/>
	<path d="M2.188 6.125v.438h2.625v-.438z" fill="#847d8b"/>
	<path d="M3.063 5.688h-.438v.875h.438zm1.313 0h-.438v.875h.438z" fill="#57595f"/>
`;function zs(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${oo}
	</svg>`}var lo=E`
	<path d="M3.063 0H1.75v.438h1.313zm1.75.438h-1.75v.438h1.75zm-.875 2.187H3.5v1.75h.438zm-3.5-.437H0v2.625h.438zM6.563.875h-1.75v.438h1.75z" fill="#000"/>
	<path d="M3.063.438H1.75v.438h1.313zm1.75.438h-1.75v.438h1.75zm1.75.438h-1.75v.438h1.75z" fill="#f0f0f0"/>
	<path d="M3.063 6.563H1.75v.438h1.313z" fill="#000"/>
	<path d="M2.625 6.125v-.438h-.437v-.875H1.75V2.188h.438v-.875h.438V.875H1.75v.438H.875v1.75H.438v1.75h.438v.875h.438v.438h.438v.438h1.313v-.438z" fill="#ffe361"/>
	<path d="M3.063 6.125H1.75v.438h1.313z" fill="#ffb84b"/>
	<path d="M4.813 6.125h-1.75v.438h1.75z" fill="#000"/>
	<path d="M4.375 5.688V5.25h-.437v-.875H3.5v-1.75h.438V1.75h.438v-.437H3.063v.438h-.438v1.313h-.437v1.75h.438v.875h.438v.438h1.75v-.438z" fill="#ffe361"/>
	<path d="M6.563 5.688h-1.75v.438h1.75zM1.75.438h-.437v.438h.438zm-.437.437H.875v.438h.438zm-.438.438H.438v.875h.438zm6.125 0h-.438v.438H7zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.875h.438zm.875 3.063h-.438v.438h.438zm-.438-.438h-.438v.438h.438zm-.438-.875h-.438v.875h.438zm-.438-.875h-.438v.875h.438zM1.747 6.127h-.434v.438h.438zm-.438-.438H.875v.438h.438zm-.438-.875H.438v.875h.438zm1.313-2.625H1.75v2.625h.438zM3.059.876h-.434v.438h.438zm-.434.437h-.437v.875h.438z" fill="#000"/>
	<path d="M.875 2.188H.438v.875h.438zm1.75 0h-.437v.875h.438z" fill="#f0f0f0"/>
	<path d="M2.188 1.313H1.75v.875h.438z" fill="#ffb84b"/>
	<path d="M4.813 1.313h-.438v.438h.438z" fill="#000"/>
	<path d="M1.75.875h-.437v.438h.438z" fill="#f0f0f0"/>
	<path d="M2.625.875h-.437v.438h.438zm1.313.875H3.5v.875h.438zm.438-.438h-.438v.438h.438zm-2.188 3.5H1.75v.438h.438zm-.438.875h-.437v.438h.438zm-.438-.875H.875v.875h.438zm2.188.875v-.438h-.437v-.438h-.438v.875h.438v.438h1.75v-.438zm.438-1.313H3.5v.438h.438z" fill="#ffb84b"/>
	<path d="M4.375 5.688V5.25h-.437v-.875H3.5v-1.75h.438V1.75h.438v-.437H3.063v.438h-.438v1.313h-.437v1.75h.438v.875h.438v.438h1.75v-.438z" fill="url(#a)"/>
	<path d="M6.125 5.25v-.438h-.438v-.874h-.438v-.875h.438v-.875h.438V1.75H4.812v.438h-.438v.438h-.436v1.75h.438v.875h.438v.438h1.75v-.438z" fill="#ff2c52"/>
	<path d="M5.688 2.188H5.25v.875h.438zm.438-.438h-.438v.438h.438zm-.438 2.188H5.25v.438h.438zM5.25 5.251v-.438h-.875v.438h.438v.438h1.75v-.438z" fill="#be0351"/>
	<path d="M1.313 1.313H.875v.438h.438zm0 1.75H.875v.438h.438zm1.75-1.75h-.438v.438h.438zm1.75.438h-.438v.438h.438zm-.438.875h-.437v.438h.438z" fill="#f0f0f0"/>
	<path d="M4.375 1.75h-.437v.875h.438zM3.062 5.688h-.437v.438h.438zm-.438-.875h-.436v.875h.438zm2.188.438h-.438v.438h.438zm-.438-.875h-.436v.875h.438z" fill="#000"/>
	<defs>
		<radialGradient id="a" cx=".75" cy=".5" r="1" fx=".75" fy=".5">
		<stop stop-color="#ff2c52" offset="30%"/>
		<stop stop-color="#ffe361" offset="70%"/>
		</radialGradient>
	</defs>
`;function ws(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${lo}
	</svg>`}var no=E`
	<path d="M4.813.438v.438h-.438v.438h-.437v.438H3.5v.438h-.437v.875h-.438v.438H3.5v.875h.438v-.44h.875V3.5h.438v-.437h.438v-.438h.438v-.437h.438V.438z" fill="#d1cdd5"/>
	<path d="M1.313 3.938h.438v.438h.875v.875h.438v.438h.875v.438h.875v-.875h-.876v-.438H3.5v-.438h-.437v-.438h-.438V3.5h-.437v-.437H1.75v-.875H.875v.875h.438z" fill="#ffe361"/>
	<path d="M2.188 4.813h-.875v.875h.875zm-.875.875H.438v.875h.875z" fill="#ffe361"/>
	<path d="M4.813.438h-.438v.438h.438zm-.438.438h-.437v.438h.438zm-.437.437H3.5v.438h.438zM3.5 1.75h-.437v.438h.438zm-.437.438h-.438v.875h.438zm-.875 0H1.75v.875h.438zm-1.313 0H.438v.875h.438zm.438.875H.875v.875h.438zm3.5.875h-.875v.438h.875zm0 .875h-.875v.438h.875zm.438.438h-.438v.875h.438z" fill="#000"/>
	<path d="M6.563.438h-.438v1.75h.438z" fill="#847d8b"/>
	<path d="M.438 5.688H0v.875h.438zm4.375.438h-.875v.438h.875zm-.875-.438h-.875v.438h.875z" fill="#000"/>
	<path d="M2.188 5.25h-.875v.438h.875zm-.875.875H.438v.438h.875z" fill="#ffb84b"/>
	<path d="M1.313 6.125v.438h.438v-.438h.438v-.438h-.876zm1.313-.875v-.875H1.75v-.437h-.437v.875h.875v.875h.875V5.25zm-1.313 0v-.438H.875v.438H.438v.438h.875zm0 1.313H.438v.438h.875zM1.75 1.75H.875v.438h.875zm1.313 2.188v.438h.438V3.5h-.876v.438z" fill="#000"/>
	<path d="M5.688 1.313H5.25v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.436v.438h.438zm-.436.436H3.5v.438h.438z" fill="#847d8b"/>
	<path d="M3.063 3.063h-.438v.438h.438z" fill="#f0f0f0"/>
	<path d="M1.75 3.5h-.437v.438h.438zm-.437-.875H.875v.438h.438zm.875 1.313H1.75v.438h.438zm.875.875h-.438v.438h.438zm.438.438h-.438v.438h.438zm.875.438h-.438v.438h.438z" fill="#ffb84b"/>
	<path d="M3.938 4.375H3.5v.438h.438zM2.625 3.063h-.437v.438h.438zm3.938-.875h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438-3.5V.44h1.75v1.75h.438V0z" fill="#000"/>
	<path d="M4.813 5.25h-.438v.438h.438zm-.875-.438H3.5v.438h.438zM3.5 4.374h-.437v.438h.438zm-.437-.436h-.438v.438h.438zM2.625 3.5h-.437v.438h.438zm-.437-.437H1.75v.438h.438zM3.5 2.188h-.437v.438h1.313v-.438h-.438V1.75H3.5zM4.375.875v.438h-.437v.438h1.313v-.438h-.438V.875zm1.75-.438H4.812v.438h1.313z" fill="#f0f0f0"/>
	<path d="M6.125 2.188h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.438.438h-.438v.438h.438zm-.873.436H3.5v.438h.438z" fill="#847d8b"/>
	<path d="M1.75 2.188h-.437v.438h.438zm0 2.625h-.437v.438h.438zm-.875.875H.438v.438h.438z" fill="#f0f0f0"/>
`;function ks(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${no}
	</svg>`}var co=E`
	<path d="M5.688 2.625v-.437H5.25V1.75h-.438v-.437h-.438V.875h-.436V.438h-.875v.438h-.438v.438h-.437v.438H1.75v.438h-.437v.438H.875v.875H.438v2.188h.438v.438h.875v.438h3.5v-.438h.875v-.438h.438V3.5h-.438v-.875z" fill="#0abbff"/>
	<path d="M3.063 0v.438h.875V0zm-.438.438v.438h.438V.438zm1.313 0v.438h.438V.438zm.438.438v.438h.438V.875zm.438.438v.438h.438v-.439zm.438.438v.438h.438v-.44zm.438.438v.438h.438v-.44zm.438.438v.875h.438v-.878zm-5.69-.003V3.5h.438v-.875zM0 3.5v2.188h.438V3.5zm6.563 0v2.188h.438V3.5zM2.188.875v.438h.438V.875zm-.438.438v.438h.438v-.438zm-.437.437v.438h.438V1.75zm-.438.438v.438h.438v-.438zm-.438 3.5v.438h.438v-.438zm5.688 0v.438h.438v-.438zm-4.375.875v.438h3.5v-.438z" fill="#000"/>
	<path d="M1.75 6.125v.438h3.5v-.438z" fill="#4282d8"/>
	<path d="M.875 6.125v.438h.875v-.438zm5.25.438v-.438H5.25v.438z" fill="#000"/>
	<path d="M3.063.438v.438h.875V.438z" fill="#fff"/>
	<path opacity=".5" d="M4.813 3.5v-.437h-.438v-.438h-.437v-.437h-.875v.438h-.438v.438h-.437v.438H1.75v1.313h.438v.438h2.625v-.438h.438V3.5z" fill="#fff"/>
	<path d="M2.625.875v.438h.438V.875zm-.437.438v.438h.438v-.438zm.438.438v.438h.438V1.75zM1.75 1.75v.438h.438V1.75zm-.437.438v.438h.438v-.438zm-.438.437V3.5h.438v-.875zM.438 3.5v.875h.438V3.5z" fill="#fff"/>
	<path d="M5.25 2.188v.438h.438v-.438zm.438.438v.875h.438v-.876zm.438.875v1.75h-.438v.438H5.25v.438h.875v-.438h.438V3.5zM.875 6.125h.875v-.438H.875z" fill="#4282d8"/>
`;function Ms(i={}){return u`<svg
		${D(i)}
		aria-hidden="true"
		role="img"
		width="14"
		height="14"
		viewBox="0 0 7 7"
		fill="none"
		xmlns="http://www.w3.org/2000/svg"
	>
		${co}
	</svg>`}var Qs=globalThis.$discordMessage??{};function Dt(){return Qs}function ho(i){Qs=Object.assign(Qs,i)}var bi={blue:"https://cdn.discordapp.com/embed/avatars/0.png",gray:"https://cdn.discordapp.com/embed/avatars/1.png",green:"https://cdn.discordapp.com/embed/avatars/2.png",orange:"https://cdn.discordapp.com/embed/avatars/3.png",red:"https://cdn.discordapp.com/embed/avatars/4.png",pink:"https://cdn.discordapp.com/embed/avatars/5.png"},Ws=Dt().avatars??{},He=Object.assign(bi,Ws,{default:bi[Ws.default]??Ws.default??bi.blue}),Qe=Dt().profiles??{},cr=Dt().defaultTheme==="light"?"light":"dark",hr=Dt().defaultMode==="compact"?"compact":"cozy",dr=Dt().defaultBackground==="none"?"none":"discord",mr=new Map([["heart",hs()],["crystal",rs()],["diamond",os()],["explosion",ls()],["flame",ns()],["flower",cs()],["key",ds()],["leaf",ms()],["lightning",ps()],["magic",fs()],["moon",us()],["mushroom",vs()],["mythical",gs()],["ornament",_s()],["plasma",bs()],["rock",ys()],["shell",xs()],["skull",zs()],["sun",ws()],["sword",ks()],["water",Ms()]]);var mo=E`
	<path
		fill="currentColor"
		d="M18.91 12.98a5.45 5.45 0 0 1 2.18 6.2c-.1.33-.09.68.1.96l.83 1.32a1 1 0 0 1-.84 1.54h-5.5A5.6 5.6 0 0 1 10 17.5a5.6 5.6 0 0 1 5.68-5.5c1.2 0 2.32.36 3.23.98Z"
	/>
	<path
		fill="currentColor"
		d="M19.24 10.86c.32.16.72-.02.74-.38L20 10c0-4.42-4.03-8-9-8s-9 3.58-9 8c0 1.5.47 2.91 1.28 4.11.14.21.12.49-.06.67l-1.51 1.51A1 1 0 0 0 2.4 18h5.1a.5.5 0 0 0 .49-.5c0-4.2 3.5-7.5 7.68-7.5 1.28 0 2.5.3 3.56.86Z"
	/>
`;function yi(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-hidden="false"
		width="24"
		height="24"
		viewBox="0 0 20 20"
		xmlns="http://www.w3.org/2000/svg"
	>
		${mo}
	</svg>`}var po=E`
	<path
		fill="currentColor"
		fill-rule="evenodd"
		clip-rule="evenodd"
		d="M10.99 3.16A1 1 0 1 0 9 2.84L8.15 8H4a1 1 0 0 0 0 2h3.82l-.67 4H3a1 1 0 1 0 0 2h3.82l-.8 4.84a1 1 0 0 0 1.97.32L8.85 16h4.97l-.8 4.84a1 1 0 0 0 1.97.32l.86-5.16H20a1 1 0 1 0 0-2h-3.82l.67-4H21a1 1 0 1 0 0-2h-3.82l.8-4.84a1 1 0 1 0-1.97-.32L15.15 8h-4.97l.8-4.84ZM14.15 14l.67-4H9.85l-.67 4h4.97Z"
	/>
`;function xi(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-hidden="false"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${po}
	</svg>`}var fo=E`
	<path
		fill="currentColor"
		d="M12 2.81a1 1 0 0 1 0-1.41l.36-.36a1 1 0 0 1 1.41 0l9.2 9.2a1 1 0 0 1 0 1.4l-.7.7a1 1 0 0 1-1.3.13l-9.54-6.72a1 1 0 0 1-.08-1.58l1-1L12 2.8ZM12 21.2a1 1 0 0 1 0 1.41l-.35.35a1 1 0 0 1-1.41 0l-9.2-9.19a1 1 0 0 1 0-1.41l.7-.7a1 1 0 0 1 1.3-.12l9.54 6.72a1 1 0 0 1 .07 1.58l-1 1 .35.36ZM15.66 16.8a1 1 0 0 1-1.38.28l-8.49-5.66A1 1 0 1 1 6.9 9.76l8.49 5.65a1 1 0 0 1 .27 1.39ZM17.1 14.25a1 1 0 1 0 1.11-1.66L9.73 6.93a1 1 0 0 0-1.11 1.66l8.49 5.66Z"
	/>
`;function zi(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-hidden="false"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${fo}
	</svg>`}var uo=E`
	<path
		fill="currentColor"
		fill-rule="evenodd"
		clip-rule="evenodd"
		d="M6 9h1V6a5 5 0 0 1 10 0v3h1a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3v-8a3 3 0 0 1 3-3Zm9-3v3H9V6a3 3 0 1 1 6 0Zm-1 8a2 2 0 0 1-1 1.73V18a1 1 0 1 1-2 0v-2.27A2 2 0 1 1 14 14Z"
	/>
`;function wi(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-hidden="false"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${uo}
	</svg>`}var vo=E`
	<path
		fill="currentColor"
		d="M12 3a1 1 0 0 0-1-1h-.06a1 1 0 0 0-.74.32L5.92 7H3a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h2.92l4.28 4.68a1 1 0 0 0 .74.32H11a1 1 0 0 0 1-1V3ZM15.1 20.75c-.58.14-1.1-.33-1.1-.92v-.03c0-.5.37-.92.85-1.05a7 7 0 0 0 0-13.5A1.11 1.11 0 0 1 14 4.2v-.03c0-.6.52-1.06 1.1-.92a9 9 0 0 1 0 17.5Z"
	/>
	<path
		fill="currentColor"
		d="M15.16 16.51c-.57.28-1.16-.2-1.16-.83v-.14c0-.43.28-.8.63-1.02a3 3 0 0 0 0-5.04c-.35-.23-.63-.6-.63-1.02v-.14c0-.63.59-1.1 1.16-.83a5 5 0 0 1 0 9.02Z"
	/>
`;function ki(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-hidden="false"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${vo}
	</svg>`}var Xt=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ye=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},ne="light-theme",Ae="compact-mode",Ys="no-background",go=(()=>{let i=[Z("discord-messages")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[at({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],g=[at({context:Ys}),b({type:Boolean,reflect:!0,attribute:"no-background"})],r=[at({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],f=[b({reflect:!0,attribute:"channel-type"})],d=[b({reflect:!0,attribute:"channel-name"})],Xt(this,null,p,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:y=>"lightTheme"in y,get:y=>y.lightTheme,set:(y,L)=>{y.lightTheme=L}},metadata:x},o,h),Xt(this,null,g,{kind:"accessor",name:"noBackground",static:!1,private:!1,access:{has:y=>"noBackground"in y,get:y=>y.noBackground,set:(y,L)=>{y.noBackground=L}},metadata:x},m,n),Xt(this,null,r,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:y=>"compactMode"in y,get:y=>y.compactMode,set:(y,L)=>{y.compactMode=L}},metadata:x},_,v),Xt(this,null,f,{kind:"accessor",name:"channelType",static:!1,private:!1,access:{has:y=>"channelType"in y,get:y=>y.channelType,set:(y,L)=>{y.channelType=L}},metadata:x},c,l),Xt(this,null,d,{kind:"accessor",name:"channelName",static:!1,private:!1,access:{has:y=>"channelName"in y,get:y=>y.channelName,set:(y,L)=>{y.channelName=L}},metadata:x},j,H),Xt(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		:host {
			color: #fff;
			background-color: #36393e;
			display: block;
			font-size: 16px;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
			line-height: 170%;
			border: 1px solid rgba(255, 255, 255, 0.05);
		}

		:host([light-theme]) {
			color: #747f8d;
			background-color: #fff;
			border-color: #dedede;
		}

		:host([no-background]) {
			background-color: unset;
		}

		::slotted(*) {
			padding-top: 0.125rem;
			padding-bottom: 0.125rem;
		}

		::slotted(*:first-child) {
			margin-top: 0.5rem;
		}

		::slotted(*:not(:first-child)) {
			margin-top: 1.0625rem;
		}

		:host([compact-mode]) ::slotted(*:not(:first-child)) {
			margin-top: unset;
		}

		::slotted(*:last-child) {
			margin-bottom: 0.5rem;
			border-bottom-width: 0;
		}

		:host .discord-channel-header {
			display: flex;
			align-items: center;
			padding: 0.5rem 1rem;
			box-shadow:
				0 2px 0 0 rgba(0, 0, 0, 0.05),
				0 1.5px 0 0 rgba(0, 0, 0, 0.05),
				0 1px 0 0 rgba(0, 0, 0, 0.16);
		}

		:host .discord-channel-icon {
			height: 24px;
			width: auto;
			margin: 0 8px;
			position: relative;
			flex: 0 0 auto;
			color: #80848e;
		}

		:host([light-theme]) .discord-channel-icon {
			color: #6d6f78;
		}

		:host .discord-channel-name {
			margin: 0 8px 0 0;
			flex: 0 0 auto;
			min-width: auto;
		}
	`;#e=Ye(this,o,!1);get lightTheme(){return this.#e}set lightTheme(x){this.#e=x}#t=(Ye(this,h),Ye(this,m,!1));get noBackground(){return this.#t}set noBackground(x){this.#t=x}#i=(Ye(this,n),Ye(this,_,!1));get compactMode(){return this.#i}set compactMode(x){this.#i=x}#s=(Ye(this,v),Ye(this,c,void 0));get channelType(){return this.#s}set channelType(x){this.#s=x}#a=(Ye(this,l),Ye(this,j,void 0));get channelName(){return this.#a}set channelName(x){this.#a=x}connectedCallback(){super.connectedCallback(),(this.lightTheme||cr==="light"&&this.lightTheme)&&(this.lightTheme=!0),(this.compactMode||hr==="compact"&&this.compactMode)&&(this.compactMode=!0),(this.noBackground||dr==="none"&&this.noBackground)&&(this.noBackground=!0)}render(){let x;switch(this.channelType){case"text":x=u`${xi()}`;break;case"voice":x=u`${ki()}`;break;case"locked":x=u`${wi()}`;break;case"thread":x=u`${zi()}`;break;case"forum":x=u`${yi()}`;break}return u`
			${I(this.channelType&&this.channelName,()=>u`<div class="discord-channel-header">
						<div class="discord-channel-icon">${x}</div>
						<div class="discord-channel-name">${this.channelName}</div>
					</div>`)}
			<slot></slot>
		`}constructor(){super(...arguments),Ye(this,H)}static{Ye(e,s)}};return G=e})();var ei=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ge=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},_o=(()=>{let i=[Z("discord-link")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],g=[b()],r=[b()],f=[b()],d=[b()],ei(this,null,p,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:y=>"lightTheme"in y,get:y=>y.lightTheme,set:(y,L)=>{y.lightTheme=L}},metadata:x},o,h),ei(this,null,g,{kind:"accessor",name:"href",static:!1,private:!1,access:{has:y=>"href"in y,get:y=>y.href,set:(y,L)=>{y.href=L}},metadata:x},m,n),ei(this,null,r,{kind:"accessor",name:"rel",static:!1,private:!1,access:{has:y=>"rel"in y,get:y=>y.rel,set:(y,L)=>{y.rel=L}},metadata:x},_,v),ei(this,null,f,{kind:"accessor",name:"target",static:!1,private:!1,access:{has:y=>"target"in y,get:y=>y.target,set:(y,L)=>{y.target=L}},metadata:x},c,l),ei(this,null,d,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:y=>"type"in y,get:y=>y.type,set:(y,L)=>{y.type=L}},metadata:x},j,H),ei(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		a {
			color: #00aff4;
			text-decoration: none;
		}

		a:hover {
			text-decoration: underline;
		}

		.discord-link-light-theme a {
			color: #00b0f4;
		}
	`;#e=Ge(this,o,!1);get lightTheme(){return this.#e}set lightTheme(x){this.#e=x}#t=(Ge(this,h),Ge(this,m,void 0));get href(){return this.#t}set href(x){this.#t=x}#i=(Ge(this,n),Ge(this,_,void 0));get rel(){return this.#i}set rel(x){this.#i=x}#s=(Ge(this,v),Ge(this,c,void 0));get target(){return this.#s}set target(x){this.#s=x}#a=(Ge(this,l),Ge(this,j,void 0));get type(){return this.#a}set type(x){this.#a=x}render(){return u`<a
			href=${Q(this.href)}
			rel=${Q(this.rel)}
			target=${Q(this.target)}
			type=${Q(this.type)}
			class=${fe({"discord-link-light-theme":this.lightTheme})}
			><slot></slot
		></a>`}constructor(){super(...arguments),Ge(this,H)}static{Ge(e,s)}};return G=e})();var bo=E`
	<path
		fill="currentColor"
		d="M12 2a1 1 0 0 1 1 1v10.59l3.3-3.3a1 1 0 1 1 1.4 1.42l-5 5a1 1 0 0 1-1.4 0l-5-5a1 1 0 1 1 1.4-1.42l3.3 3.3V3a1 1 0 0 1 1-1ZM3 20a1 1 0 1 0 0 2h18a1 1 0 1 0 0-2H3Z"
	/>
`;function Pt(i={}){return u`<svg
		${D(i)}
		class="discord-icon-download"
		aria-hidden="true"
		role="img"
		xmlns="http://www.w3.org/2000/svg"
		width="20"
		height="20"
		fill="none"
		viewBox="0 0 24 24"
	>
		${bo}
	</svg>`}var yo=E`
	<path fill="currentColor" d="M6 4a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1H6ZM15 4a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-3Z"></path>
`;function Mi(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="16" height="16" fill="none" viewBox="0 0 24 24">${yo}</svg>`}var xo=E`
	<path fill="currentColor" d="M9.25 3.35C7.87 2.45 6 3.38 6 4.96v14.08c0 1.58 1.87 2.5 3.25 1.61l10.85-7.04a1.9 1.9 0 0 0 0-3.22L9.25 3.35Z"></path>
`;function Ti(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="16" height="16" fill="none" viewBox="0 0 24 24">${xo}</svg>`}var zo=E`
	<path fill="currentColor" d="M12,5 L12,1 L7,6 L12,11 L12,7 C15.31,7 18,9.69 18,13 C18,16.31 15.31,19 12,19 C8.69,19 6,16.31 6,13 L4,13 C4,17.42 7.58,21 12,21 C16.42,21 20,17.42 20,13 C20,8.58 16.42,5 12,5 L12,5 Z"></path>
`;function Ci(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="16" height="16" fill="none" viewBox="0 0 24 24">${zo}</svg>`}var wo=E`
	<path fill="currentColor" d="M12 3a1 1 0 0 0-1-1h-.06a1 1 0 0 0-.74.32L5.92 7H3a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h2.92l4.28 4.68a1 1 0 0 0 .74.32H11a1 1 0 0 0 1-1V3ZM15.1 20.75c-.58.14-1.1-.33-1.1-.92v-.03c0-.5.37-.92.85-1.05a7 7 0 0 0 0-13.5A1.11 1.11 0 0 1 14 4.2v-.03c0-.6.52-1.06 1.1-.92a9 9 0 0 1 0 17.5Z"></path>
	<path fill="currentColor" d="M15.16 16.51c-.57.28-1.16-.2-1.16-.83v-.14c0-.43.28-.8.63-1.02a3 3 0 0 0 0-5.04c-.35-.23-.63-.6-.63-1.02v-.14c0-.63.59-1.1 1.16-.83a5 5 0 0 1 0 9.02Z"></path>
`;function $i(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">${wo}</svg>`}var ko=E`
	<path fill="currentColor" d="M12 3a1 1 0 0 0-1-1h-.06a1 1 0 0 0-.74.32L5.92 7H3a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h2.92l4.28 4.68a1 1 0 0 0 .74.32H11a1 1 0 0 0 1-1V3ZM15.18 15.36c-.55.35-1.18-.12-1.18-.78v-.27c0-.36.2-.67.45-.93a2 2 0 0 0 0-2.76c-.24-.26-.45-.57-.45-.93v-.27c0-.66.63-1.13 1.18-.78a4 4 0 0 1 0 6.72Z"></path>
`;function ji(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">${ko}</svg>`}var Mo=E`
	<path fill="currentColor" d="M12 3a1 1 0 0 0-1-1h-.06a1 1 0 0 0-.74.32L5.92 7H3a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h2.92l4.28 4.68a1 1 0 0 0 .74.32H11a1 1 0 0 0 1-1V3ZM22.7 8.3a1 1 0 0 0-1.4 0L19 10.58l-2.3-2.3a1 1 0 1 0-1.4 1.42L17.58 12l-2.3 2.3a1 1 0 0 0 1.42 1.4L19 13.42l2.3 2.3a1 1 0 0 0 1.4-1.42L20.42 12l2.3-2.3a1 1 0 0 0 0-1.4Z"></path>
`;function Ei(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">${Mo}</svg>`}var ti=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Je=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},To=(()=>{let i=[Z("discord-audio-attachment")],t,s=[],e,a=is,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b({type:Number})],f=[b({attribute:"bytes-unit"})],d=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],ti(this,null,p,{kind:"accessor",name:"href",static:!1,private:!1,access:{has:y=>"href"in y,get:y=>y.href,set:(y,L)=>{y.href=L}},metadata:x},o,h),ti(this,null,g,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:y=>"name"in y,get:y=>y.name,set:(y,L)=>{y.name=L}},metadata:x},m,n),ti(this,null,r,{kind:"accessor",name:"bytes",static:!1,private:!1,access:{has:y=>"bytes"in y,get:y=>y.bytes,set:(y,L)=>{y.bytes=L}},metadata:x},_,v),ti(this,null,f,{kind:"accessor",name:"bytesUnit",static:!1,private:!1,access:{has:y=>"bytesUnit"in y,get:y=>y.bytesUnit,set:(y,L)=>{y.bytesUnit=L}},metadata:x},c,l),ti(this,null,d,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:y=>"lightTheme"in y,get:y=>y.lightTheme,set:(y,L)=>{y.lightTheme=L}},metadata:x},j,H),ti(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=[as,ss,ts,R`
			:host {
				display: grid;
				height: -moz-fit-content;
				height: fit-content;
				grid-auto-flow: row;
				grid-row-gap: 0.25rem;
				grid-template-columns: repeat(auto-fill, minmax(100%, 1fr));
				text-indent: 0;
				min-height: 0;
				min-width: 0;
				padding-top: 0.125rem;
				padding-bottom: 0.125rem;
				position: relative;

				--seek-before-width: 0%;
				--buffered-width: 0%;
				--volume-slider-opacity: 0;
			}

			.discord-audio-attachment-non-visual-media-item {
				width: -moz-fit-content;
				width: fit-content;
				max-width: 100%;
			}

			.discord-media-attachment-mosaic-item-media {
				width: 100%;
			}

			.discord-audio-attachment-wrapper-audio {
				background-color: #282828;
				border-color: #202020;
				border-radius: 8px;
				border-style: solid;
				border-width: 1px;
				box-sizing: border-box;
				color: hsl(0 calc(1 * 0%) 100% / 1);
				display: flex;
				flex-direction: column;
				flex: auto;
				height: auto;
				justify-content: space-between;
				max-width: 100%;
				overflow: visible;
				padding: 16px;
				position: relative;
				user-select: none;
				width: 432px;
			}

			.discord-audio-attachment-light-theme.discord-audio-attachment-wrapper-audio {
				border-color: #f3f3f3;
				background-color: #f9f9f9;
			}

			.discord-audio-attachment-audio-metadata {
				display: flex;
			}

			.discord-audio-attachment-audio-metadata::before {
				width: 24px;
				height: 40px;
				content: '';
				background-image: url('data:image/svg+xml;base64,PHN2ZyBmaWxsPSJub25lIiBoZWlnaHQ9Ijk2IiB2aWV3Qm94PSIwIDAgNzIgOTYiIHdpZHRoPSI3MiIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48cGF0aCBkPSJtNzIgMjkuM3Y2MC4zYzAgMi4yNCAwIDMuMzYtLjQ0IDQuMjItLjM4Ljc0LTEgMS4zNi0xLjc0IDEuNzQtLjg2LjQ0LTEuOTguNDQtNC4yMi40NGgtNTkuMmMtMi4yNCAwLTMuMzYgMC00LjIyLS40NC0uNzQtLjM4LTEuMzYtMS0xLjc0LTEuNzQtLjQ0LS44Ni0uNDQtMS45OC0uNDQtNC4yMnYtODMuMmMwLTIuMjQgMC0zLjM2LjQ0LTQuMjIuMzgtLjc0IDEtMS4zNiAxLjc0LTEuNzQuODYtLjQ0IDEuOTgtLjQ0IDQuMjItLjQ0aDM2LjNjMS45NiAwIDIuOTQgMCAzLjg2LjIyLjUuMTIuOTguMjggMS40NC41djE2Ljg4YzAgMi4yNCAwIDMuMzYuNDQgNC4yMi4zOC43NCAxIDEuMzYgMS43NCAxLjc0Ljg2LjQ0IDEuOTguNDQgNC4yMi40NGgxNi44OGMuMjIuNDYuMzguOTQuNSAxLjQ0LjIyLjkyLjIyIDEuOS4yMiAzLjg2eiIgZmlsbD0iI2QzZDZmZCIvPjxwYXRoIGQ9Im02OC4yNiAyMC4yNmMxLjM4IDEuMzggMi4wNiAyLjA2IDIuNTYgMi44OC4xOC4yOC4zMi41Ni40Ni44NmgtMTYuODhjLTIuMjQgMC0zLjM2IDAtNC4yMi0uNDQtLjc0LS4zOC0xLjM2LTEtMS43NC0xLjc0LS40NC0uODYtLjQ0LTEuOTgtLjQ0LTQuMjJ2LTE2Ljg4MDAyOWMuMy4xNC41OC4yOC44Ni40NTk5OTkuODIuNSAxLjUgMS4xOCAyLjg4IDIuNTZ6IiBmaWxsPSIjOTM5YmY5Ii8+PHBhdGggY2xpcC1ydWxlPSJldmVub2RkIiBkPSJtMzQuNzYgNDIuMTZjLS43NC0uMy0xLjYtLjE0LTIuMTguNDRsLTguNTggOS40aC02Yy0xLjEgMC0yIC45LTIgMnYxMmMwIDEuMS45IDIgMiAyaDZsOC41OCA5LjQyYy41OC41OCAxLjQ0Ljc0IDIuMTguNDQuNzYtLjMyIDEuMjQtMS4wNiAxLjI0LTEuODZ2LTMyYzAtLjgtLjQ4LTEuNTQtMS4yNC0xLjg0em01LjI0IDMuODR2NGM1LjUyIDAgMTAgNC40OCAxMCAxMHMtNC40OCAxMC0xMCAxMHY0YzcuNzIgMCAxNC02LjI4IDE0LTE0cy02LjI4LTE0LTE0LTE0em0wIDhjMy4zIDAgNiAyLjcgNiA2cy0yLjcgNi02IDZ2LTRjMS4xIDAgMi0uOSAyLTJzLS45LTItMi0yeiIgZmlsbD0iIzU4NjVmMiIgZmlsbC1ydWxlPSJldmVub2RkIi8+PC9zdmc+');
				background-size: 100%auto;
				background-repeat: no-repeat;
			}

			.discord-audio-attachment-audio-metadata-content {
				padding: 0 8px;
				flex: 1 1 auto;
				white-space: nowrap;
				overflow: hidden;
			}

			.discord-audio-attachment-audio-metadata-size {
				color: color-mix(in oklab, hsl(214 calc(1 * 8.1%) 61.2% / 1) 100%, black 0%);
				font-size: 12px;
				line-height: 16px;
				font-weight: 500;
				opacity: 0.7;
				white-space: nowrap;
				text-overflow: ellipsis;
				overflow: hidden;
			}

			.discord-audio-attachment-audio-element {
				display: none !important;
				position: absolute;
				width: 0;
				height: 0;
			}
		`];#e=Je(this,o,void 0);get href(){return this.#e}set href(x){this.#e=x}#t=(Je(this,h),Je(this,m,void 0));get name(){return this.#t}set name(x){this.#t=x}#i=(Je(this,n),Je(this,_,void 0));get bytes(){return this.#i}set bytes(x){this.#i=x}#s=(Je(this,v),Je(this,c,void 0));get bytesUnit(){return this.#s}set bytesUnit(x){this.#s=x}#a=(Je(this,l),Je(this,j,!1));get lightTheme(){return this.#a}set lightTheme(x){this.#a=x}render(){let x=this.name?.replaceAll(/\s/g,"_")?.replaceAll(/[^\w-]/g,"");return u`<div class="discord-media-attachment-non-visual-media-item-container">
			<div class="discord-audio-attachment-non-visual-media-item">
				<div class="discord-media-attachment-mosaic-item-media">
					<div
						class=${fe({"discord-audio-attachment-wrapper-audio":!0,"discord-audio-attachment-light-theme":this.lightTheme})}
					>
						<div class="discord-audio-attachment-audio-metadata">
							<div class="discord-audio-attachment-audio-metadata-content">
								<discord-link
									href=${Q(this.href)}
									ref="noreferrer noopener"
									target="_blank"
									role="button"
									aria-label="Download"
								>
									${x}
								</discord-link>
								<div class="discord-audio-attachment-audio-metadata-size">
									${this.bytes}${I(this.bytesUnit,()=>u` ${this.bytesUnit}`,()=>null)}
								</div>
							</div>
						</div>
						<audio
							${Pe(this.mediaComponentRef)}
							class="discord-audio-attachment-audio-element"
							preload="metadata"
							@progress=${this.displayBufferedAmount}
							@ended=${this.handleEnded}
						>
							<source src=${Q(this.href)} />
						</audio>
						<div class="discord-media-attachment-controls" style="transform: translateY(0%)">
							<div
								class="discord-media-attachment-video-button"
								tabindex="0"
								aria-label="${this.isPlaying?"Pause":"Play"}"
								role="button"
								@click=${this.handleClickPlayPauseIcon}
								@keydown=${this.handleSpaceToPlayPause}
							>
								${I(this.hasEnded,()=>Ci({class:"discord-media-attachment-control-icon"}),()=>I(this.isPlaying,()=>Mi({class:"discord-media-attachment-control-icon"}),()=>Ti({class:"discord-media-attachment-control-icon"})))}
							</div>
							<div class="discord-media-attachment-duration-time-wrapper">
								<span role="status" class="discord-media-attachment-duration-time-display">${this.currentPlaybackPosition}</span>
								<span
									role="separator"
									class="discord-media-attachment-duration-time-display discord-media-attachment-duration-time-separator"
									>/</span
								>
								<span class="discord-media-attachment-duration-time-display">${this.totalMediaDuration}</span>
							</div>
							<div class="discord-media-attachment-horizontal">
								<div class="discord-media-attachment-media-bar-interaction">
									<input
										type="range"
										${Pe(this.seekSliderRef)}
										class="discord-media-attachment-playback-control"
										@input=${this.handleSeekSliderInput}
										@change=${this.handleSeekSliderChange}
										max="100"
										value="0"
									/>
								</div>
							</div>
							<div class="discord-media-attachment-flex">
								<div class="discord-media-attachment-flex-container">
									<div ${Pe(this.volumeControlRef)} class="discord-media-attachment-button-slider">
										<div
											class="discord-media-attachment-volume-vertical"
											@mouseenter=${this.handleVolumeVerticalEnter}
											@mouseleave=${this.handleVolumeVerticalLeave}
										>
											<input
												${Pe(this.volumeControlInputRef)}
												type="range"
												class="discord-media-attachment-volume-slider"
												@input=${this.handleVolumeSliderInput}
												max="100"
												value="100"
											/>
										</div>
									</div>
									<button
										aria-label="Control volume"
										type="button"
										class="discord-media-attachment-button"
										@focus=${this.handleVolumeVerticalFocus}
										@blur=${this.handleVolumeVerticalBlur}
										@mouseover=${this.handleVolumeVerticalEnter}
										@mouseout=${this.handleVolumeVerticalLeave}
										@click=${this.handleClickMuteIcon}
									>
										<div class="discord-media-attachment-button-content">
											${I(this.currentVolume===0||this.isMuted,()=>Ei({class:"discord-media-attachment-button-control-icon"}),()=>I(this.currentVolume<=.5,()=>ji({class:"discord-media-attachment-button-control-icon"}),()=>$i({class:"discord-media-attachment-button-control-icon"})))}
										</div>
									</button>
								</div>
							</div>
						</div>
					</div>
				</div>
			</div>
			<div class="discord-button-download-attachment">
				<a
					class="discord-link-download-attachment"
					aria-label="Download"
					href="${Q(this.href)}"
					rel="noreferrer noopener"
					target="_blank"
					role="button"
					tabindex="0"
				>
					${Pt()}
				</a>
			</div>
		</div>`}constructor(){super(...arguments),Je(this,H)}static{Je(e,s)}};return G=e})();var Co=E`
	<path d="M7.4,11.17,4,8.62,5,7.26l2,1.53L10.64,4l1.36,1Z" fill="currentColor" />
`;function Ce(i={}){return u`<svg
		${D(i)}
		class="discord-application-tag-verified"
		aria-label="Verified App"
		aria-hidden="false"
		width="16"
		height="16"
		viewBox="0 0 16 15.2"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Co}
	</svg>`}var Gs=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Di=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},$o=(()=>{let i=[Z("discord-verified-author-tag")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[];var r=class extends a{static{e=this}static{let _=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean})],g=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],Gs(this,null,p,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:v=>"verified"in v,get:v=>v.verified,set:(v,f)=>{v.verified=f}},metadata:_},o,h),Gs(this,null,g,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:v=>"compactMode"in v,get:v=>v.compactMode,set:(v,f)=>{v.compactMode=f}},metadata:_},m,n),Gs(null,t={value:e},i,{kind:"class",name:e.name,metadata:_},null,s),r=e=t.value,_&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:_})}static styles=R`
		:host {
			background-color: #5865f2;
			color: #fff;
			font-size: 0.625em;
			margin-left: 4px;
			border-radius: 3px;
			line-height: 100%;
			text-transform: uppercase;
			display: inline-flex;
			align-items: center;
			height: 0.9375rem;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			border-radius: 0.1875rem;
		}

		:host .discord-application-tag-verified {
			display: inline-block;
			width: 0.9375rem;
			height: 0.9375rem;
			margin-left: -0.25rem;
		}

		:host([compact-mode]) {
			padding-left: 10px;
			padding-right: 4px;
			margin-right: 0.25rem;
			margin-left: 0px !important;
			margin-top: 0px !important;
		}

		:host([compact-mode]) .discord-application-tag-verified {
			margin-right: 0.7em;
			margin-left: -0.7em;
		}
	`;#e=Di(this,o,!1);get verified(){return this.#e}set verified(_){this.#e=_}#t=(Di(this,h),Di(this,m,!1));get compactMode(){return this.#t}set compactMode(_){this.#t=_}render(){return u`${I(this.verified,()=>Ce())}App`}constructor(){super(...arguments),Di(this,n)}static{Di(e,s)}};return r=e})();var pr="important",jo=" !"+pr,Ie=ct(class extends jt{constructor(i){if(super(i),i.type!==Jt.ATTRIBUTE||i.name!=="style"||i.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(i){return Object.keys(i).reduce((t,s)=>{let e=i[s];return e==null?t:t+`${s=s.includes("-")?s:s.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${e};`},"")}update(i,[t]){let{style:s}=i.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(t)),this.render(t);for(let e of this.ft)t[e]==null&&(this.ft.delete(e),e.includes("-")?s.removeProperty(e):s[e]=null);for(let e in t){let a=t[e];if(a!=null){this.ft.add(e);let p=typeof a=="string"&&a.endsWith(jo);e.includes("-")||p?s.setProperty(e,p?a.slice(0,-11):a,p?pr:""):s[e]=a}}return We}});var $e=class extends Error{constructor(t){super(t),this.name="DiscordComponentsError"}},Eo=new Intl.DateTimeFormat("en-US",{day:"2-digit",month:"2-digit",year:"numeric"}),Do=new Intl.DateTimeFormat("en-US",{hour12:!0,hour:"2-digit",minute:"2-digit"}),Ho=new Intl.DateTimeFormat("en-US",{hour12:!1,hour:"2-digit",minute:"2-digit"}),So=i=>i instanceof Date?Eo.format(i):i,Lo=(i,t=!1)=>i instanceof Date?t?Ho.format(i):Do.format(i):i;function Ht(i,t=!1,s=!1){if(!(i instanceof Date)&&typeof i!="string")throw new TypeError("Timestamp prop must be a Date object or a string.");return t?Lo(i,s):So(i)}var fr=/\.(?<ext>bmp|jpe?g|png|gif|webp|tiff)$/i;function ur(i){if(!fr.test(i))throw new $e(`The url of an image for discord-image-attachment should match the regex ${fr}`)}var Vo=/(?:<(?<animated>a)?:(?<name>\w{2,32}):)?(?<id>\d{17,21})>?/;function ii(i){let t=Dt().emojis?.[i];if(t)return t;let s=Vo.exec(i);if(s?.groups){let{name:e,id:a,animated:p}=s.groups;return{name:e,url:`https://cdn.discordapp.com/emojis/${a}.${p?"gif":"png"}`}}}function Ts(i){if(i)return mr.get(i)??i}var Oe=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ge=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ao=(()=>{let i=[Z("discord-author-info")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[],ze,O=[],z=[];var ee=class extends a{static{e=this}static{let ae=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b({type:Boolean})],r=[b({type:Boolean})],f=[b({type:Boolean,attribute:"official-app"})],d=[b({type:Boolean})],G=[b({attribute:"role-color"})],L=[b({attribute:"role-icon"})],C=[b({attribute:"role-name"})],pe=[b({attribute:"clan-icon"})],re=[b({attribute:"clan-tag"})],le=[b({type:Boolean})],T=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],ze=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Oe(this,null,p,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:U=>"author"in U,get:U=>U.author,set:(U,ue)=>{U.author=ue}},metadata:ae},o,h),Oe(this,null,g,{kind:"accessor",name:"bot",static:!1,private:!1,access:{has:U=>"bot"in U,get:U=>U.bot,set:(U,ue)=>{U.bot=ue}},metadata:ae},m,n),Oe(this,null,r,{kind:"accessor",name:"server",static:!1,private:!1,access:{has:U=>"server"in U,get:U=>U.server,set:(U,ue)=>{U.server=ue}},metadata:ae},_,v),Oe(this,null,f,{kind:"accessor",name:"officialApp",static:!1,private:!1,access:{has:U=>"officialApp"in U,get:U=>U.officialApp,set:(U,ue)=>{U.officialApp=ue}},metadata:ae},c,l),Oe(this,null,d,{kind:"accessor",name:"op",static:!1,private:!1,access:{has:U=>"op"in U,get:U=>U.op,set:(U,ue)=>{U.op=ue}},metadata:ae},j,H),Oe(this,null,G,{kind:"accessor",name:"roleColor",static:!1,private:!1,access:{has:U=>"roleColor"in U,get:U=>U.roleColor,set:(U,ue)=>{U.roleColor=ue}},metadata:ae},x,y),Oe(this,null,L,{kind:"accessor",name:"roleIcon",static:!1,private:!1,access:{has:U=>"roleIcon"in U,get:U=>U.roleIcon,set:(U,ue)=>{U.roleIcon=ue}},metadata:ae},V,k),Oe(this,null,C,{kind:"accessor",name:"roleName",static:!1,private:!1,access:{has:U=>"roleName"in U,get:U=>U.roleName,set:(U,ue)=>{U.roleName=ue}},metadata:ae},P,se),Oe(this,null,pe,{kind:"accessor",name:"clanIcon",static:!1,private:!1,access:{has:U=>"clanIcon"in U,get:U=>U.clanIcon,set:(U,ue)=>{U.clanIcon=ue}},metadata:ae},q,$),Oe(this,null,re,{kind:"accessor",name:"clanTag",static:!1,private:!1,access:{has:U=>"clanTag"in U,get:U=>U.clanTag,set:(U,ue)=>{U.clanTag=ue}},metadata:ae},X,Y),Oe(this,null,le,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:U=>"verified"in U,get:U=>U.verified,set:(U,ue)=>{U.verified=ue}},metadata:ae},B,w),Oe(this,null,T,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:U=>"compactMode"in U,get:U=>U.compactMode,set:(U,ue)=>{U.compactMode=ue}},metadata:ae},N,he),Oe(this,null,ze,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:U=>"lightTheme"in U,get:U=>U.lightTheme,set:(U,ue)=>{U.lightTheme=ue}},metadata:ae},O,z),Oe(null,t={value:e},i,{kind:"class",name:e.name,metadata:ae},null,s),ee=e=t.value,ae&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:ae})}static styles=R`
		:host {
			display: inline-flex;
			align-items: center;
			font-size: 16px;
			text-underline-offset: 1px;
			margin-right: 0.25rem;
		}

		:host .discord-author-username {
			color: #fff;
			font-size: 1em;
			font-weight: 500;
		}

		:host .discord-author-username:hover {
			text-decoration: underline;
			cursor: pointer;
		}

		:host([light-theme]) .discord-author-username {
			color: #23262a;
		}

		:host .discord-clan-tag {
			background-color: oklab(0.431937 0.00109309 -0.0132537 / 0.54);
			color: #fff;
			font-size: 12px;
			font-weight: 500;
			margin-left: 0.25rem;
			border-radius: 4px;
			line-height: 100%;
			text-transform: uppercase;
			display: inline-flex;
			width: max-content;
			gap: 0.25rem;
			justify-content: space-between;
			align-items: center;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			height: 1.2rem;
			min-width: 45px;
			line-height: 1rem !important;
			transition: background-color 100ms ease-in-out;
			cursor: pointer;
		}

		:host .discord-clan-tag:hover {
			background-color: oklab(0.431937 0.00109309 -0.0132537 / 0.34);
		}

		:host([light-theme]) .discord-clan-tag {
			background-color: hsl(0 calc(1 * 0%) 0.8%/0.09);
			color: #000;
		}

		:host([light-theme]) .discord-clan-tag:hover {
			background-color: hsl(0 calc(1 * 0%) 0.8%/0.03);
		}

		:host([compact-mode]) .discord-clan-tag {
			margin-left: 0rem;
		}

		:host .discord-clan-tag span,
		:host .discord-clan-tag svg,
		:host .discord-clan-tag img {
			user-select: none;
			-webkit-user-select: none;
		}

		:host .discord-application-tag {
			background-color: #5865f2;
			color: #fff;
			font-size: 0.625em;
			border-radius: 3px;
			line-height: 100%;
			text-transform: uppercase;

			/* Use flex layout to ensure both verified icon and "BOT" text are aligned to center */
			display: inline-flex;
			align-items: center;

			/* Styling taken through Inspect Element on Discord client for Windows */
			height: 0.9375rem;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			border-radius: 0.1875rem;
		}

		:host .discord-official-application {
			background-color: #5865f2;
			color: #fff;
			font-size: 0.625em;
			margin-left: 4px;
			border-radius: 3px;
			line-height: 100%;
			text-transform: uppercase;

			/* Use flex layout to ensure both verified icon and "BOT" text are aligned to center */
			display: flex;
			align-items: center;

			/* Styling taken through Inspect Element on Discord client for Windows */
			height: 0.9375rem;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			border-radius: 0.1875rem;
		}

		:host([compact-mode]) .discord-official-application {
			margin-right: 5px;
			margin-left: 0px !important;
		}

		:host .discord-application-tag.discord-application-tag-op {
			background-color: #c9cdfb;
			color: #4752c4;
			border-radius: 0.4rem;
		}

		:host .discord-author-role-icon {
			margin-left: 0.25rem;
			vertical-align: top;
			height: calc(1rem + 4px);
			width: calc(1rem + 4px);
		}

		:host([compact-mode]) .discord-author-username {
			margin-right: 0.25rem;
		}

		:host([compact-mode]) .discord-application-tag {
			padding-left: 10px;
			padding-right: 4px;
			margin-right: 0.25rem;
		}
	`;#e=ge(this,o,void 0);get author(){return this.#e}set author(ae){this.#e=ae}#t=(ge(this,h),ge(this,m,!1));get bot(){return this.#t}set bot(ae){this.#t=ae}#i=(ge(this,n),ge(this,_,!1));get server(){return this.#i}set server(ae){this.#i=ae}#s=(ge(this,v),ge(this,c,!1));get officialApp(){return this.#s}set officialApp(ae){this.#s=ae}#a=(ge(this,l),ge(this,j,!1));get op(){return this.#a}set op(ae){this.#a=ae}#r=(ge(this,H),ge(this,x,void 0));get roleColor(){return this.#r}set roleColor(ae){this.#r=ae}#o=(ge(this,y),ge(this,V,void 0));get roleIcon(){return this.#o}set roleIcon(ae){this.#o=ae}#l=(ge(this,k),ge(this,P,void 0));get roleName(){return this.#l}set roleName(ae){this.#l=ae}#n=(ge(this,se),ge(this,q,void 0));get clanIcon(){return this.#n}set clanIcon(ae){this.#n=ae}#c=(ge(this,$),ge(this,X,void 0));get clanTag(){return this.#c}set clanTag(ae){this.#c=ae}#h=(ge(this,Y),ge(this,B,!1));get verified(){return this.#h}set verified(ae){this.#h=ae}#d=(ge(this,w),ge(this,N,!1));get compactMode(){return this.#d}set compactMode(ae){this.#d=ae}#m=(ge(this,he),ge(this,O,!1));get lightTheme(){return this.#m}set lightTheme(ae){this.#m=ae}render(){let ae=Ts(this.clanIcon),U=this.clanTag?.slice(0,4);return u`${I(this.compactMode,()=>null,()=>u`<span class="discord-author-username" style="${Ie({color:this.roleColor??void 0})}">${this.author}</span>`)}
		${I(this.roleIcon&&!this.compactMode,()=>u`<img
					class="discord-author-role-icon"
					src=${Q(this.roleIcon)}
					height="20"
					width="20"
					alt=${Q(this.roleName)}
					draggable="false"
				/>`)}
		${I(this.bot&&!this.server&&!this.officialApp,()=>u`<discord-verified-author-tag .verified=${this.verified}></discord-verified-author-tag>`)}
		${I(this.server&&!this.bot&&!this.officialApp,()=>u`<span class="discord-application-tag">Server</span>`)}
		${I(this.officialApp&&!this.server&&!this.bot,()=>u`<span class="discord-official-application">${Ce()}OFFICIAL</span>`)}
		${I(this.op,()=>u`<span class="discord-application-tag discord-application-tag-op">OP</span>`)}
		${I(this.compactMode,()=>u`<span class="discord-author-username" style="${Ie({color:this.roleColor??void 0})}">${this.author}</span>`)}
		${I(this.clanIcon&&this.clanTag&&this.clanTag?.length>0,()=>u`
				<span class="discord-clan-tag">
					${ae==="string"?u`<img srcset=${Q(ae)} alt=${Q(U)} width="12" height="12" draggable="false" />`:ae}
					<span>${U}</span>
				</span>
			`)} `}constructor(){super(...arguments),ge(this,z)}static{ge(e,s)}};return ee=e})();var Io=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Oo=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},No=(()=>{let i=[Z("discord-bold")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;Io(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host > strong {
			font-weight: 700;
		}
	`;render(){return u`
			<strong>
				<slot></slot>
			</strong>
		`}static{Oo(e,s)}};return p=e})();var Po=E`
	<path
		fill="currentColor"
		d="M10 5V3H5.375C4.06519 3 3 4.06519 3 5.375V18.625C3 19.936 4.06519 21 5.375 21H18.625C19.936 21 21 19.936 21 18.625V14H19V19H5V5H10Z"
	/>
	<path fill="currentColor" d="M21 2.99902H14V4.99902H17.586L9.29297 13.292L10.707 14.706L19 6.41302V9.99902H21V2.99902Z"
	/>
`;function Js(i={}){return u`<svg ${D(i)} class="discord-button-launch" aria-hidden="false" width="16" height="16" viewBox="0 0 24 24">
		${Po}
	</svg>`}var Bt=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Be=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Bo=(()=>{let i=[Z("discord-button")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[];var L=class extends a{static{e=this}static{let V=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({reflect:!0,attribute:"emoji"})],g=[b({reflect:!0,attribute:"emoji-name"})],r=[b({reflect:!0,attribute:"url"})],f=[b({type:Boolean,reflect:!0,attribute:"disabled"})],d=[b({reflect:!0,attribute:"type"})],G=[b({reflect:!0,attribute:"modal-id"})],Bt(this,null,p,{kind:"accessor",name:"emoji",static:!1,private:!1,access:{has:k=>"emoji"in k,get:k=>k.emoji,set:(k,C)=>{k.emoji=C}},metadata:V},o,h),Bt(this,null,g,{kind:"accessor",name:"emojiName",static:!1,private:!1,access:{has:k=>"emojiName"in k,get:k=>k.emojiName,set:(k,C)=>{k.emojiName=C}},metadata:V},m,n),Bt(this,null,r,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:k=>"url"in k,get:k=>k.url,set:(k,C)=>{k.url=C}},metadata:V},_,v),Bt(this,null,f,{kind:"accessor",name:"disabled",static:!1,private:!1,access:{has:k=>"disabled"in k,get:k=>k.disabled,set:(k,C)=>{k.disabled=C}},metadata:V},c,l),Bt(this,null,d,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:k=>"type"in k,get:k=>k.type,set:(k,C)=>{k.type=C}},metadata:V},j,H),Bt(this,null,G,{kind:"accessor",name:"modalId",static:!1,private:!1,access:{has:k=>"modalId"in k,get:k=>k.modalId,set:(k,C)=>{k.modalId=C}},metadata:V},x,y),Bt(null,t={value:e},i,{kind:"class",name:e.name,metadata:V},null,s),L=e=t.value,V&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:V})}static styles=R`
		:host > *:first-child {
			display: flex;
			justify-content: center;
			align-items: center;
			cursor: pointer;
			margin: 4px 8px 4px 0;
			padding: 2px 16px;
			width: auto;
			height: 32px;
			min-width: 60px;
			min-height: 32px;
			-webkit-transition:
				background-color 0.17s ease,
				color 0.17s ease;
			transition:
				background-color 0.17s ease,
				color 0.17s ease;
			border-radius: 3px;
			font-size: 14px;
			font-weight: 500;
			line-height: 16px;
			text-decoration: none !important;
			/* CSS Reset to unset button styling */
			border-width: unset;
			border-style: unset;
			border-color: unset;
			border-image: unset;
			box-sizing: unset;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
		}

		.success {
			color: #fff;
			background-color: #3ba55d;
		}

		.success.hoverable:hover {
			background-color: #2d7d46;
		}

		.destructive {
			color: #fff;
			background-color: #ed4245;
		}

		.destructive.hoverable:hover {
			background-color: #c03537;
		}

		.primary {
			color: #fff;
			background-color: #5865f2;
		}

		.primary.hoverable:hover {
			background-color: #4752c4;
		}

		.secondary {
			color: #fff;
			background-color: #4f545c;
		}

		.secondary.hoverable:hover {
			background-color: #5d6269;
		}

		.disabled {
			cursor: not-allowed !important;
			opacity: 0.5;
		}

		.launch {
			margin-left: 8px;
		}

		.emoji {
			margin-right: 4px;
			object-fit: contain;
			width: 1.375em;
			height: 1.375em;
			vertical-align: bottom;
		}
	`;#e=Be(this,o,void 0);get emoji(){return this.#e}set emoji(V){this.#e=V}#t=(Be(this,h),Be(this,m,"emoji"));get emojiName(){return this.#t}set emojiName(V){this.#t=V}#i=(Be(this,n),Be(this,_,void 0));get url(){return this.#i}set url(V){this.#i=V}#s=(Be(this,v),Be(this,c,!1));get disabled(){return this.#s}set disabled(V){this.#s=V}#a=(Be(this,l),Be(this,j,"secondary"));get type(){return this.#a}set type(V){this.#a=V}#r=(Be(this,H),Be(this,x,void 0));get modalId(){return this.#r}set modalId(V){this.#r=V}validButtonTypes=(Be(this,y),new Set(["primary","secondary","success","destructive"]));checkType(){if(this.type){if(typeof this.type!="string")throw new TypeError("DiscordButton `type` prop must be a string.");if(!this.validButtonTypes.has(this.type))throw new RangeError("DiscordButton `type` prop must be one of: 'primary', 'secondary', 'success', 'destructive'")}}checkParentElement(){if(this.parentElement?.tagName.toLowerCase()!=="discord-action-row")throw new $e("All <discord-button> components must be direct children of <discord-action-row>.")}handleButtonClick(){if(this.modalId){let V=this.parentElement?.parentElement?.parentElement?.parentElement;if(V?.tagName?.toLowerCase()==="discord-messages"){let k=V?.querySelector("discord-modal"),C=k?.shadowRoot?.querySelector(`dialog#${this.modalId}`),P=C?.querySelector("div.discord-modal-box");if(C instanceof HTMLDialogElement&&P instanceof HTMLDivElement&&(C.showModal(),P.style.display="flex",k)){let se=globalThis.getComputedStyle(globalThis.document.body).overflow;k.originalBodyOverflow=se,globalThis.document.body.style.overflow="hidden"}}}}render(){this.checkType(),this.checkParentElement();let V=this.url&&!this.disabled,k=u`
			${I(this.emoji,()=>u`<img src=${this.emoji} alt=${this.emojiName} draggable="true" class="emoji" />`)}
			<span>
				<slot></slot>
			</span>
			${I(this.url,()=>Js())}
		`;return V?u`<a class="secondary" href=${this.url} target="_blank" rel="noopener noreferrer">${k}</a>`:u`<button
			class=${fe({[this.type]:!0,disabled:this.disabled,hoverable:!this.disabled})}
			@click=${this.handleButtonClick}
		>
			${k}
		</button>`}static{Be(e,s)}};return L=e})();var Cs=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Rt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ro=(()=>{let i=[Z("discord-code")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[];var f=class extends a{static{e=this}static{let c=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean,reflect:!0})],g=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],r=[b({type:Boolean,reflect:!0})],Cs(this,null,p,{kind:"accessor",name:"multiline",static:!1,private:!1,access:{has:l=>"multiline"in l,get:l=>l.multiline,set:(l,d)=>{l.multiline=d}},metadata:c},o,h),Cs(this,null,g,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:l=>"lightTheme"in l,get:l=>l.lightTheme,set:(l,d)=>{l.lightTheme=d}},metadata:c},m,n),Cs(this,null,r,{kind:"accessor",name:"embed",static:!1,private:!1,access:{has:l=>"embed"in l,get:l=>l.embed,set:(l,d)=>{l.embed=d}},metadata:c},_,v),Cs(null,t={value:e},i,{kind:"class",name:e.name,metadata:c},null,s),f=e=t.value,c&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:c})}static styles=R`
		:host {
			background-color: #2f3136;
			white-space: break-spaces;
			font-family:
				Consolas,
				Andale Mono WT,
				Andale Mono,
				Lucida Console,
				Lucida Sans Typewriter,
				DejaVu Sans Mono,
				Bitstream Vera Sans Mono,
				Liberation Mono,
				Nimbus Mono L,
				Monaco,
				Courier New,
				Courier,
				monospace;
			border-radius: 3px;
		}

		code {
			padding: 0.2em;
			margin: -0.2em;
			border-radius: 3px;
			border: none;
			font-size: 85%;
			text-indent: 0;
			white-space: pre-wrap;
		}

		:host([multiline]) code {
			display: block;
			width: 90%;
			font-size: 0.875rem;
			line-height: 1.125rem;
			padding: 0.5em;
			background: #2b2d31;
			border: 1px solid #1e1f22;
		}

		:host([embed]) code {
			background-color: #1e1f22;
		}

		:host([embed][multiline]) code {
			display: block;
			width: 100%;
			padding: 7px;
			border-radius: 4px;
			background: #1e1f22;
		}

		:host([light-theme]) code {
			border-color: #e3e5e8;
			background-color: #f2f3f5;
		}

		:host([light-theme][embed]) code {
			background-color: #e3e5e8;
		}
	`;#e=Rt(this,o,!1);get multiline(){return this.#e}set multiline(c){this.#e=c}#t=(Rt(this,h),Rt(this,m,!1));get lightTheme(){return this.#t}set lightTheme(c){this.#t=c}#i=(Rt(this,n),Rt(this,_,!1));get embed(){return this.#i}set embed(c){this.#i=c}render(){return this.multiline?u`<discord-pre ?embed=${this.embed}
				><code><slot></slot></code
			></discord-pre>`:u`<code><slot></slot></code>`}constructor(){super(...arguments),Rt(this,v)}static{Rt(e,s)}};return f=e})();var Uo=E`
	<path
		fill="currentColor"
		d="M56 50.6667V13.3333C56 10.4 53.6 8 50.6667 8H13.3333C10.4 8 8 10.4 8 13.3333V50.6667C8 53.6 10.4 56 13.3333 56H50.6667C53.6 56 56 53.6 56 50.6667ZM22.6667 36L29.3333 44.0267L38.6667 32L50.6667 48H13.3333L22.6667 36Z"
	/>
`;function Hi(i={}){return u`<svg ${D(i)} aria-hidden="false" width="64" height="64" viewBox="0 0 64 64">${Uo}</svg>`}var Fo=E`
	<path
		fill="currentColor"
		fill-rule="evenodd"
		clip-rule="evenodd"
		d="M5 3C3.89543 3 3 3.89543 3 5V19C3 20.1046 3.89543 21 5 21H19C20.1046 21 21 20.1046 21 19V5C21 3.89543 20.1046 3 19 3H5ZM16.8995 8.41419L15.4853 6.99998L7 15.4853L8.41421 16.8995L16.8995 8.41419Z"
	/>
`;function Si(i){return u`<svg ${D(i||{})} class="discord-command-icon" aria-hidden="false" width="24" height="24" viewBox="0 0 24 24">
		${Fo}
	</svg>`}var qo=E`
	<path
		d="M0.809739 3.59646L5.12565 0.468433C5.17446 0.431163 5.23323 0.408043 5.2951 0.401763C5.35698 0.395482 5.41943 0.406298 5.4752 0.432954C5.53096 0.45961 5.57776 0.50101 5.61013 0.552343C5.64251 0.603676 5.65914 0.662833 5.6581 0.722939V2.3707C10.3624 2.3707 11.2539 5.52482 11.3991 7.21174C11.4028 7.27916 11.3848 7.34603 11.3474 7.40312C11.3101 7.46021 11.2554 7.50471 11.1908 7.53049C11.1262 7.55626 11.0549 7.56204 10.9868 7.54703C10.9187 7.53201 10.857 7.49695 10.8104 7.44666C8.72224 5.08977 5.6581 5.63359 5.6581 5.63359V7.28135C5.65831 7.34051 5.64141 7.39856 5.60931 7.44894C5.5772 7.49932 5.53117 7.54004 5.4764 7.5665C5.42163 7.59296 5.3603 7.60411 5.29932 7.59869C5.23834 7.59328 5.18014 7.57151 5.13128 7.53585L0.809739 4.40892C0.744492 4.3616 0.691538 4.30026 0.655067 4.22975C0.618596 4.15925 0.599609 4.08151 0.599609 4.00269C0.599609 3.92386 0.618596 3.84612 0.655067 3.77562C0.691538 3.70511 0.744492 3.64377 0.809739 3.59646Z"
		fill="currentColor"
	/>
`;function Ks(i={}){return u`<svg ${D(i)} class="discord-reply-icon" aria-hidden="false" width="12" height="8" viewBox="0 0 12 8">${qo}</svg>`}var je=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ve=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Xs=(()=>{let i=[Z("discord-reply")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[],ze,O=[],z=[],ee,ae=[],U=[],ue,ut=[],vt=[],gt,_t=[],bt=[],yt,xt=[],zt=[],wt,kt=[],Mt=[];var Tt=class extends a{static{e=this}static{let te=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b()],f=[b({type:Boolean})],d=[b({type:Boolean})],G=[b({type:Boolean,attribute:"official-app"})],L=[b({type:Boolean})],C=[b({type:Boolean})],pe=[b({type:Boolean})],re=[b({attribute:"role-color"})],le=[b({type:Boolean})],T=[b({type:Boolean})],ze=[b({type:Boolean})],ee=[b({attribute:"clan-icon"})],ue=[b({attribute:"clan-tag"})],gt=[b({type:Boolean,reflect:!0})],yt=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],wt=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],je(this,null,p,{kind:"accessor",name:"profile",static:!1,private:!1,access:{has:A=>"profile"in A,get:A=>A.profile,set:(A,oe)=>{A.profile=oe}},metadata:te},o,h),je(this,null,g,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:A=>"author"in A,get:A=>A.author,set:(A,oe)=>{A.author=oe}},metadata:te},m,n),je(this,null,r,{kind:"accessor",name:"avatar",static:!1,private:!1,access:{has:A=>"avatar"in A,get:A=>A.avatar,set:(A,oe)=>{A.avatar=oe}},metadata:te},_,v),je(this,null,f,{kind:"accessor",name:"bot",static:!1,private:!1,access:{has:A=>"bot"in A,get:A=>A.bot,set:(A,oe)=>{A.bot=oe}},metadata:te},c,l),je(this,null,d,{kind:"accessor",name:"server",static:!1,private:!1,access:{has:A=>"server"in A,get:A=>A.server,set:(A,oe)=>{A.server=oe}},metadata:te},j,H),je(this,null,G,{kind:"accessor",name:"officialApp",static:!1,private:!1,access:{has:A=>"officialApp"in A,get:A=>A.officialApp,set:(A,oe)=>{A.officialApp=oe}},metadata:te},x,y),je(this,null,L,{kind:"accessor",name:"op",static:!1,private:!1,access:{has:A=>"op"in A,get:A=>A.op,set:(A,oe)=>{A.op=oe}},metadata:te},V,k),je(this,null,C,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:A=>"verified"in A,get:A=>A.verified,set:(A,oe)=>{A.verified=oe}},metadata:te},P,se),je(this,null,pe,{kind:"accessor",name:"edited",static:!1,private:!1,access:{has:A=>"edited"in A,get:A=>A.edited,set:(A,oe)=>{A.edited=oe}},metadata:te},q,$),je(this,null,re,{kind:"accessor",name:"roleColor",static:!1,private:!1,access:{has:A=>"roleColor"in A,get:A=>A.roleColor,set:(A,oe)=>{A.roleColor=oe}},metadata:te},X,Y),je(this,null,le,{kind:"accessor",name:"command",static:!1,private:!1,access:{has:A=>"command"in A,get:A=>A.command,set:(A,oe)=>{A.command=oe}},metadata:te},B,w),je(this,null,T,{kind:"accessor",name:"attachment",static:!1,private:!1,access:{has:A=>"attachment"in A,get:A=>A.attachment,set:(A,oe)=>{A.attachment=oe}},metadata:te},N,he),je(this,null,ze,{kind:"accessor",name:"mentions",static:!1,private:!1,access:{has:A=>"mentions"in A,get:A=>A.mentions,set:(A,oe)=>{A.mentions=oe}},metadata:te},O,z),je(this,null,ee,{kind:"accessor",name:"clanIcon",static:!1,private:!1,access:{has:A=>"clanIcon"in A,get:A=>A.clanIcon,set:(A,oe)=>{A.clanIcon=oe}},metadata:te},ae,U),je(this,null,ue,{kind:"accessor",name:"clanTag",static:!1,private:!1,access:{has:A=>"clanTag"in A,get:A=>A.clanTag,set:(A,oe)=>{A.clanTag=oe}},metadata:te},ut,vt),je(this,null,gt,{kind:"accessor",name:"deleted",static:!1,private:!1,access:{has:A=>"deleted"in A,get:A=>A.deleted,set:(A,oe)=>{A.deleted=oe}},metadata:te},_t,bt),je(this,null,yt,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:A=>"lightTheme"in A,get:A=>A.lightTheme,set:(A,oe)=>{A.lightTheme=oe}},metadata:te},xt,zt),je(this,null,wt,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:A=>"compactMode"in A,get:A=>A.compactMode,set:(A,oe)=>{A.compactMode=oe}},metadata:te},kt,Mt),je(null,t={value:e},i,{kind:"class",name:e.name,metadata:te},null,s),Tt=e=t.value,te&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:te})}static styles=R`
		:host {
			color: #b9bbbe;
			display: flex;
			font-size: 0.875rem;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;

			padding-top: 2px;
			margin-left: 56px;
			margin-bottom: 4px;
			align-items: center;
			line-height: 1.125rem;
			position: relative;
			white-space: pre;
			user-select: none;
		}

		:host([light-theme]) {
			color: #4f5660;
		}

		:host([compact-mode]),
		:host([deleted]) {
			margin-left: 62px;
			margin-bottom: 0;
		}

		:host:before {
			content: '';
			display: block;
			position: absolute;
			top: 50%;
			right: 100%;
			bottom: 0;
			left: -36px;
			margin-right: 4px;
			margin-top: -1px;
			margin-left: -1px;
			margin-bottom: -2px;
			border-left: 2px solid #4f545c !important;
			border-bottom: 0 solid #4f545c !important;
			border-right: 0 solid #4f545c !important;
			border-top: 2px solid #4f545c !important;
			border-top-left-radius: 6px;
		}

		:host([light-theme]):before {
			border-color: #747f8d !important;
		}

		.discord-replied-message-avatar,
		.discord-reply-badge {
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			width: 16px;
			height: 16px;
			border-radius: 50%;
			user-select: none;
			margin-right: 0.25rem;
		}

		.discord-reply-badge {
			display: flex;
			align-items: center;
			justify-content: center;
			color: #b9bbbe;
			background: #202225;
		}

		:host([light-theme]) .discord-reply-badge {
			color: #4f5660;
			background: #e3e5e8;
		}

		:host .discord-clan-tag {
			background-color: oklab(0.431937 0.00109309 -0.0132537 / 0.8);
			color: #fff;
			font-size: 12px;
			font-weight: 500;
			margin-right: 0.25rem;
			border-radius: 4px;
			line-height: 100%;
			text-transform: uppercase;
			justify-content: space-between;
			display: inline-flex;
			align-items: center;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			height: 1.2rem;
			opacity: 0.55;
			transition: background-color 100ms ease-in-out;
			cursor: pointer;
		}

		:host .discord-clan-tag:hover {
			background-color: oklab(0.431937 0.00109309 -0.0132537 / 0.5);
		}

		:host([light-theme]) .discord-clan-tag {
			opacity: 0.65;
			background-color: hsl(0 calc(1 * 0%) 0.8%/0.09);
			color: #000;
		}

		:host([light-theme]) .discord-clan-tag:hover {
			background-color: hsl(0 calc(1 * 0%) 0.8%/0.03);
		}

		:host .discord-clan-tag svg,
		:host .discord-clan-tag img {
			display: inline-flex;
			align-items: center;
			margin-right: 0.25rem;
			right: 0.25rem;
		}

		:host .discord-clan-tag span {
			display: inline-flex;
			align-items: center;
			user-select: none;
			-webkit-user-select: none;
			line-height: 1rem !important;
		}

		.discord-application-tag {
			background-color: hsl(235, 85.6%, 64.7%);
			color: #fff;
			font-size: 0.625rem;
			margin-right: 0.25rem;
			line-height: 100%;
			text-transform: uppercase;

			/* Use flex layout to ensure both verified icon and "BOT" text are aligned to center */
			display: flex;
			align-items: center;

			/* Styling taken through Inspect Element on Discord client for Windows */
			height: 0.9375rem;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			border-radius: 0.1875rem;
		}

		:host([compact-mode]) .discord-application-tag {
			margin-right: 0.25rem;
		}

		.discord-application-tag .discord-application-tag-verified {
			width: 0.9375rem;
			height: 0.9375rem;
			margin-left: -0.1rem;
		}

		.discord-application-tag.discord-application-tag-op {
			background-color: #c9cdfb;
			color: #4752c4;
			border-radius: 0.4rem;
		}

		.discord-replied-message-username {
			flex-shrink: 0;
			font-size: inherit;
			line-height: inherit;
			margin-right: 0.25rem;
			opacity: 0.64;
			font-weight: 500;
			color: #fff;
		}

		.discord-replied-message-username:hover {
			text-decoration: underline;
			cursor: pointer;
		}

		.discord-replied-message-content {
			color: inherit;
			font-size: inherit;
			line-height: inherit;
			white-space: pre;
			text-overflow: ellipsis;
			user-select: none;
			cursor: pointer;
		}

		.discord-replied-deleted-message-content {
			color: inherit;
			font-size: inherit;
			line-height: inherit;
			white-space: pre;
			text-overflow: ellipsis;
		}

		.discord-message-edited {
			color: #72767d;
			font-size: 10px;
		}

		:host([light-theme]) .discord-message-edited {
			color: #99aab5;
		}

		.discord-replied-message-content:hover {
			color: #fff;
		}

		:host([light-theme]) .discord-replied-message-content:hover {
			color: #000;
		}

		:host .discord-replied-message-content .discord-message-edited {
			margin-left: 0.25rem;
		}

		.discord-replied-message-content-icon {
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			width: 20px;
			height: 20px;
			margin-left: 4px;
		}
	`;#e=ve(this,o,void 0);get profile(){return this.#e}set profile(te){this.#e=te}#t=(ve(this,h),ve(this,m,"User"));get author(){return this.#t}set author(te){this.#t=te}#i=(ve(this,n),ve(this,_,void 0));get avatar(){return this.#i}set avatar(te){this.#i=te}#s=(ve(this,v),ve(this,c,!1));get bot(){return this.#s}set bot(te){this.#s=te}#a=(ve(this,l),ve(this,j,!1));get server(){return this.#a}set server(te){this.#a=te}#r=(ve(this,H),ve(this,x,!1));get officialApp(){return this.#r}set officialApp(te){this.#r=te}#o=(ve(this,y),ve(this,V,!1));get op(){return this.#o}set op(te){this.#o=te}#l=(ve(this,k),ve(this,P,!1));get verified(){return this.#l}set verified(te){this.#l=te}#n=(ve(this,se),ve(this,q,!1));get edited(){return this.#n}set edited(te){this.#n=te}#c=(ve(this,$),ve(this,X,void 0));get roleColor(){return this.#c}set roleColor(te){this.#c=te}#h=(ve(this,Y),ve(this,B,!1));get command(){return this.#h}set command(te){this.#h=te}#d=(ve(this,w),ve(this,N,!1));get attachment(){return this.#d}set attachment(te){this.#d=te}#m=(ve(this,he),ve(this,O,!1));get mentions(){return this.#m}set mentions(te){this.#m=te}#p=(ve(this,z),ve(this,ae,void 0));get clanIcon(){return this.#p}set clanIcon(te){this.#p=te}#f=(ve(this,U),ve(this,ut,void 0));get clanTag(){return this.#f}set clanTag(te){this.#f=te}#u=(ve(this,vt),ve(this,_t,!1));get deleted(){return this.#u}set deleted(te){this.#u=te}#v=(ve(this,bt),ve(this,xt,!1));get lightTheme(){return this.#v}set lightTheme(te){this.#v=te}#g=(ve(this,zt),ve(this,kt,!1));get compactMode(){return this.#g}set compactMode(te){this.#g=te}resolveAvatar(te){return He[te]??te??He.default}render(){let te={author:this.author,bot:this.bot,verified:this.verified,officialApp:this.officialApp,op:this.op,server:this.server,roleColor:this.roleColor,clanIcon:this.clanIcon,clanTag:this.clanTag},A=Reflect.get(Qe,this.profile)??{},oe={...te,...A,avatar:this.resolveAvatar(A.avatar??this.avatar)},ot=Ts(oe.clanIcon),Ct=oe.clanTag?.slice(0,4),Lt=u`
			${I(oe.bot&&!oe.server&&!oe.officialApp,()=>u`<span class="discord-application-tag">${oe.verified?Ce():""}App</span>`)}
			${I(oe.server&&!oe.bot&&!oe.officialApp,()=>u`<span class="discord-application-tag">Server</span>`)}
			${I(oe.officialApp&&!oe.server&&!oe.bot,()=>u`<span class="discord-application-tag">${Ce()}OFFICIAL</span>`)}
		`;return u`${I(this.compactMode||this.deleted,()=>u`<div class="discord-reply-badge">${Ks()}</div>`,()=>u`<img class="discord-replied-message-avatar" src="${Q(oe.avatar)}" alt="${Q(oe.author)}" />`)}
		${I(this.deleted,()=>u`<div class="discord-replied-deleted-message-content"><em>Original message was deleted</em></div>`,()=>u`${Lt}
					<span class="discord-replied-message-username" style=${Ie({color:oe.roleColor})}
						>${I(this.mentions,()=>"@")}${oe.author}</span
					>
					${I(oe.clanIcon&&oe.clanTag&&oe.clanTag?.length>0,()=>u`<span class="discord-clan-tag">
								${ot==="string"?u`<img
											srcset=${Q(ot)}
											alt=${Q(Ct)}
											width="12"
											height="12"
											draggable="false"
										/>`:ot}
								<span>${Ct}</span>
							</span>`)}
					<!-- display: inline -->
					<div class="discord-replied-message-content"
						><slot></slot>${I(this.edited,()=>u`<span class="discord-message-edited">(edited)</span>`)}</div
					>
					${I(this.command,()=>Si({class:"discord-replied-message-content-icon"}),()=>I(this.attachment,()=>Hi({class:"discord-replied-message-content-icon"})))}`)}`}constructor(){super(...arguments),ve(this,Mt)}static{ve(e,s)}};return Tt=e})();var Zo=E`
	<path d="M4.61241 0L6 0.845294L1.38759 10L0 9.15471L4.61241 0Z" fill="currentColor" />
`;function ea(i={}){return u`<svg ${D(i)} class="discord-command-icon" aria-hidden="false" width="6" height="10" viewBox="0 0 6 10" fill="none">
		${Zo}
	</svg>`}var Wo=E`
	<path fill="currentColor" d="M2.06 7.61c-.25.95.31 1.92 1.26 2.18l4.3 1.15c.94.25 1.91-.31 2.17-1.26l1.15-4.3c.25-.94-.31-1.91-1.26-2.17l-4.3-1.15c-.94-.25-1.91.31-2.17 1.26l-1.15 4.3ZM12.98 7.87a2 2 0 0 0 1.75 2.95H20a2 2 0 0 0 1.76-2.95l-2.63-4.83a2 2 0 0 0-3.51 0l-2.63 4.83ZM5.86 13.27a.89.89 0 0 1 1.28 0l.75.77a.9.9 0 0 0 .54.26l1.06.12c.5.06.85.52.8 1.02l-.13 1.08c-.02.2.03.42.14.6l.56.92c.27.43.14 1-.28 1.26l-.9.58a.92.92 0 0 0-.37.48l-.36 1.02a.9.9 0 0 1-1.15.57l-1-.36a.89.89 0 0 0-.6 0l-1 .36a.9.9 0 0 1-1.15-.57l-.36-1.02a.92.92 0 0 0-.37-.48l-.9-.58a.93.93 0 0 1-.28-1.26l.56-.93c.11-.17.16-.38.14-.59l-.12-1.08c-.06-.5.3-.96.8-1.02l1.05-.12a.9.9 0 0 0 .54-.26l.75-.77ZM18.52 13.71a1.1 1.1 0 0 0-2.04 0l-.46 1.24c-.19.5-.57.88-1.07 1.07l-1.24.46a1.1 1.1 0 0 0 0 2.04l1.24.46c.5.19.88.57 1.07 1.07l.46 1.24c.35.95 1.7.95 2.04 0l.46-1.24c.19-.5.57-.88 1.07-1.07l1.24-.46a1.1 1.1 0 0 0 0-2.04l-1.24-.46a1.8 1.8 0 0 1-1.07-1.07l-.46-1.24Z">
	</path>
`;function ta(i={}){return u`<svg ${D(i)} class="discord-command-icon-name" aria-hidden="false" width="10" height="10" viewBox="0 0 24 24" fill="none">
		${Wo}
	</svg>`}var Qo=E`
	<path fill="currentColor" d="M5.3 9.3a1 1 0 0 1 1.4 0l5.3 5.29 5.3-5.3a1 1 0 1 1 1.4 1.42l-6 6a1 1 0 0 1-1.4 0l-6-6a1 1 0 0 1 0-1.42Z"></path>
`;function si(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg">
		${Qo}
	</svg>`}var Yo=E`
	<path fill="color-mix( in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%" d="M12 22a10 10 0 1 0-8.45-4.64c.13.19.11.44-.04.61l-2.06 2.37A1 1 0 0 0 2.2 22H12Z" class="">
    </path>
`;function ia(i={}){return u`<svg ${D(i)} aria-hidden="false" width="16" height="16" viewBox="0 0 24 24" fill="none">${Yo}</svg>`}var ke=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},me=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Go=(()=>{let i=[Z("discord-command")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[],ze,O=[],z=[],ee,ae=[],U=[],ue,ut=[],vt=[],gt,_t=[],bt=[],yt,xt=[],zt=[],wt,kt=[],Mt=[],Tt,te=[],A=[],oe,ot=[],Ct=[];var Lt=class extends a{static{e=this}static{let K=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({attribute:"profile"})],g=[b({attribute:"author"})],r=[b({attribute:"avatar"})],f=[b({attribute:"role-color"})],d=[b({attribute:"command"})],G=[b({attribute:"type"})],L=[b({attribute:"context-user-profile"})],C=[b({attribute:"context-user-name"})],pe=[b({attribute:"context-user-image"})],re=[b({attribute:"context-user-role-color"})],le=[b({type:Boolean,attribute:"context-user-bot"})],T=[b({type:Boolean,attribute:"context-user-bot-verified"})],ze=[b({type:Boolean,attribute:"context-command-reply"})],ee=[b({type:Boolean,attribute:"context-attachment-reply"})],ue=[b({type:String,attribute:"context-message-reply"})],gt=[b({type:Boolean,attribute:"context-message-deleted"})],yt=[b({type:Boolean,attribute:"context-user-application-official"})],wt=[b({type:Boolean,attribute:"context-user-server"})],Tt=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],oe=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],ke(this,null,p,{kind:"accessor",name:"profile",static:!1,private:!1,access:{has:S=>"profile"in S,get:S=>S.profile,set:(S,de)=>{S.profile=de}},metadata:K},o,h),ke(this,null,g,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:S=>"author"in S,get:S=>S.author,set:(S,de)=>{S.author=de}},metadata:K},m,n),ke(this,null,r,{kind:"accessor",name:"avatar",static:!1,private:!1,access:{has:S=>"avatar"in S,get:S=>S.avatar,set:(S,de)=>{S.avatar=de}},metadata:K},_,v),ke(this,null,f,{kind:"accessor",name:"roleColor",static:!1,private:!1,access:{has:S=>"roleColor"in S,get:S=>S.roleColor,set:(S,de)=>{S.roleColor=de}},metadata:K},c,l),ke(this,null,d,{kind:"accessor",name:"command",static:!1,private:!1,access:{has:S=>"command"in S,get:S=>S.command,set:(S,de)=>{S.command=de}},metadata:K},j,H),ke(this,null,G,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:S=>"type"in S,get:S=>S.type,set:(S,de)=>{S.type=de}},metadata:K},x,y),ke(this,null,L,{kind:"accessor",name:"contextUserProfile",static:!1,private:!1,access:{has:S=>"contextUserProfile"in S,get:S=>S.contextUserProfile,set:(S,de)=>{S.contextUserProfile=de}},metadata:K},V,k),ke(this,null,C,{kind:"accessor",name:"contextUserName",static:!1,private:!1,access:{has:S=>"contextUserName"in S,get:S=>S.contextUserName,set:(S,de)=>{S.contextUserName=de}},metadata:K},P,se),ke(this,null,pe,{kind:"accessor",name:"contextUserAvatar",static:!1,private:!1,access:{has:S=>"contextUserAvatar"in S,get:S=>S.contextUserAvatar,set:(S,de)=>{S.contextUserAvatar=de}},metadata:K},q,$),ke(this,null,re,{kind:"accessor",name:"contextUserRoleColor",static:!1,private:!1,access:{has:S=>"contextUserRoleColor"in S,get:S=>S.contextUserRoleColor,set:(S,de)=>{S.contextUserRoleColor=de}},metadata:K},X,Y),ke(this,null,le,{kind:"accessor",name:"contextUserBot",static:!1,private:!1,access:{has:S=>"contextUserBot"in S,get:S=>S.contextUserBot,set:(S,de)=>{S.contextUserBot=de}},metadata:K},B,w),ke(this,null,T,{kind:"accessor",name:"contextUserBotVerified",static:!1,private:!1,access:{has:S=>"contextUserBotVerified"in S,get:S=>S.contextUserBotVerified,set:(S,de)=>{S.contextUserBotVerified=de}},metadata:K},N,he),ke(this,null,ze,{kind:"accessor",name:"contextCommandReply",static:!1,private:!1,access:{has:S=>"contextCommandReply"in S,get:S=>S.contextCommandReply,set:(S,de)=>{S.contextCommandReply=de}},metadata:K},O,z),ke(this,null,ee,{kind:"accessor",name:"contextAttachmentReply",static:!1,private:!1,access:{has:S=>"contextAttachmentReply"in S,get:S=>S.contextAttachmentReply,set:(S,de)=>{S.contextAttachmentReply=de}},metadata:K},ae,U),ke(this,null,ue,{kind:"accessor",name:"contextMessageReply",static:!1,private:!1,access:{has:S=>"contextMessageReply"in S,get:S=>S.contextMessageReply,set:(S,de)=>{S.contextMessageReply=de}},metadata:K},ut,vt),ke(this,null,gt,{kind:"accessor",name:"contextMessageDeleted",static:!1,private:!1,access:{has:S=>"contextMessageDeleted"in S,get:S=>S.contextMessageDeleted,set:(S,de)=>{S.contextMessageDeleted=de}},metadata:K},_t,bt),ke(this,null,yt,{kind:"accessor",name:"contextUserOfficialApplication",static:!1,private:!1,access:{has:S=>"contextUserOfficialApplication"in S,get:S=>S.contextUserOfficialApplication,set:(S,de)=>{S.contextUserOfficialApplication=de}},metadata:K},xt,zt),ke(this,null,wt,{kind:"accessor",name:"contextUserServer",static:!1,private:!1,access:{has:S=>"contextUserServer"in S,get:S=>S.contextUserServer,set:(S,de)=>{S.contextUserServer=de}},metadata:K},kt,Mt),ke(this,null,Tt,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:S=>"compactMode"in S,get:S=>S.compactMode,set:(S,de)=>{S.compactMode=de}},metadata:K},te,A),ke(this,null,oe,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:S=>"lightTheme"in S,get:S=>S.lightTheme,set:(S,de)=>{S.lightTheme=de}},metadata:K},ot,Ct),ke(null,t={value:e},i,{kind:"class",name:e.name,metadata:K},null,s),Lt=e=t.value,K&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:K})}static styles=[Xs.styles,R`
			:host .discord-slash-command-name {
				color: color-mix(in oklab, hsl(200 calc(1 * 100%) 49.4% / 1) 100%, black 0%) !important;
				font-weight: 500;
				background-color: #3c4270;
				border-radius: 3px;
				display: flex;
				padding: 0 5px;
				align-items: center;
				gap: 2px;
				cursor: default;
			}

			:host .discord-slash-command-name:hover {
				color: #fffffd !important;
				background-color: #5865f2;
			}

			.discord-context-command-name {
				color: color-mix(in oklab, hsl(200 calc(1 * 100%) 49.4% / 1) 100%, black 0%) !important;
				opacity: 0.64;
				cursor: default;
				font-weight: 500;
			}

			.discord-arrow-right-icon {
				transform: rotate(267deg);
				width: 12px;
				height: 12px;
				fill: none;
				margin-right: 2px;
				margin-left: 2px;
				margin-top: 3px;
			}

			.discord-context-user {
				display: flex;
				align-items: center;
				margin-top: 3px;
			}

			.discord-message-margintop {
				margin-top: 3px;
			}

			:host .discord-message-deleted {
				color: rgb(185, 187, 190) !important;
				cursor: default;
			}

			:host .discord-replied-message-username {
				margin-right: 0;
			}

			:host([light-theme]) .discord-replied-message-username {
				color: rgb(46, 51, 56);
			}

			:host([compact-mode]) .discord-context-user {
				display: flex;
				align-items: center;
				margin: 0 !important;
			}

			:host([compact-mode]) .discord-message-margintop {
				margin-top: 0 !important;
			}
		`];#e=me(this,o,void 0);get profile(){return this.#e}set profile(K){this.#e=K}#t=(me(this,h),me(this,m,"User"));get author(){return this.#t}set author(K){this.#t=K}#i=(me(this,n),me(this,_,void 0));get avatar(){return this.#i}set avatar(K){this.#i=K}#s=(me(this,v),me(this,c,void 0));get roleColor(){return this.#s}set roleColor(K){this.#s=K}#a=(me(this,l),me(this,j,void 0));get command(){return this.#a}set command(K){this.#a=K}#r=(me(this,H),me(this,x,"slash_command"));get type(){return this.#r}set type(K){this.#r=K}#o=(me(this,y),me(this,V,void 0));get contextUserProfile(){return this.#o}set contextUserProfile(K){this.#o=K}#l=(me(this,k),me(this,P,"User"));get contextUserName(){return this.#l}set contextUserName(K){this.#l=K}#n=(me(this,se),me(this,q,void 0));get contextUserAvatar(){return this.#n}set contextUserAvatar(K){this.#n=K}#c=(me(this,$),me(this,X,void 0));get contextUserRoleColor(){return this.#c}set contextUserRoleColor(K){this.#c=K}#h=(me(this,Y),me(this,B,!1));get contextUserBot(){return this.#h}set contextUserBot(K){this.#h=K}#d=(me(this,w),me(this,N,!1));get contextUserBotVerified(){return this.#d}set contextUserBotVerified(K){this.#d=K}#m=(me(this,he),me(this,O,!1));get contextCommandReply(){return this.#m}set contextCommandReply(K){this.#m=K}#p=(me(this,z),me(this,ae,!1));get contextAttachmentReply(){return this.#p}set contextAttachmentReply(K){this.#p=K}#f=(me(this,U),me(this,ut,void 0));get contextMessageReply(){return this.#f}set contextMessageReply(K){this.#f=K}#u=(me(this,vt),me(this,_t,!1));get contextMessageDeleted(){return this.#u}set contextMessageDeleted(K){this.#u=K}#v=(me(this,bt),me(this,xt,!1));get contextUserOfficialApplication(){return this.#v}set contextUserOfficialApplication(K){this.#v=K}#g=(me(this,zt),me(this,kt,!1));get contextUserServer(){return this.#g}set contextUserServer(K){this.#g=K}#_=(me(this,Mt),me(this,te,!1));get compactMode(){return this.#_}set compactMode(K){this.#_=K}#b=(me(this,A),me(this,ot,!1));get lightTheme(){return this.#b}set lightTheme(K){this.#b=K}validCommandTypes=(me(this,Ct),new Set(["user_command","message_command","slash_command"]));checkType(){if(this.type){if(typeof this.type!="string")throw new TypeError("DiscordCommand `type` prop must be a string.");if(!this.validCommandTypes.has(this.type))throw new RangeError("DiscordCommand `type` prop must be one of: 'uer_command', 'message_command' or 'slash_command'")}}resolveAvatar(K){return He[K]??K??He.default}render(){this.checkType();let K={author:this.author,bot:!1,verified:!1,server:!1,roleColor:this.roleColor},S=Reflect.get(Qe,this.profile)??{},de={...K,...S,avatar:this.resolveAvatar(S.avatar??this.avatar)},Ni={author:this.contextUserName,bot:this.contextUserBot,verified:this.contextUserBotVerified,server:!1,roleColor:this.contextUserRoleColor},ci=Reflect.get(Qe,this.contextUserProfile)??{},Ne={...Ni,...ci,avatar:this.resolveAvatar(ci.avatar??this.contextUserAvatar)},Pi=this.contextMessageDeleted?u`<em class="discord-message-deleted">Original message was deleted</em>`:this.contextMessageReply;return u`
			${I(this.compactMode,()=>u`<div class="discord-reply-badge">${ea()}</div>`,()=>u`<img class="discord-replied-message-avatar" src="${Q(de.avatar)}" alt="${Q(de.author)}" />`)}
			<span class="discord-replied-message-username" style=${Ie({color:de.roleColor??""})}>${de.author}</span>
			<span> used </span>
			${I(this.type==="slash_command",()=>u`<div class="discord-replied-message-content discord-slash-command-name">
						${ta()}<span>${this.command}</span>
					</div>`)}
			${I(this.type==="user_command",()=>u`<div class="discord-replied-message-content discord-context-command-name"><span>${this.command}</span></div>
						${si({class:"discord-arrow-right-icon"})}
						<div class="discord-context-user">
							${I(!this.compactMode,()=>u`<img
										class="discord-replied-message-avatar"
										src="${Q(Ne.avatar)}"
										alt="${Q(Ne.author)}"
									/>`)}
							<span class="discord-replied-message-username" style=${Ie({color:Ne.roleColor??""})}
								>${Ne.author}</span
							>
						</div>`)}
			${I(this.type==="message_command",()=>u`<div class="discord-replied-message-content discord-context-command-name"><span>${this.command}</span></div>
						${si({class:"discord-arrow-right-icon"})}
						${I(!this.contextMessageDeleted,()=>u`<div class="discord-context-user">
									${I(!this.compactMode,()=>I(!this.contextUserOfficialApplication,()=>u`<img
													class="discord-replied-message-avatar"
													src="${Q(Ne.avatar)}"
													alt="${Q(Ne.author)}"
												/>`,()=>u`<img
													class="discord-replied-message-avatar"
													src="${Q(He.blue)}"
													alt="OFFICIALAPPLICATION"
												/>`))}
									${I(Ne.bot,()=>u`<span class="discord-application-tag">${Ne.verified?Ce():""}App</span>`,()=>I(this.contextUserServer,()=>u`<span class="discord-application-tag">SERVER</span>`,()=>I(this.contextUserOfficialApplication,()=>u`<span class="discord-application-tag">${Ce()}OFFICIAL</span>`)))}
									<span class="discord-replied-message-username" style=${Ie({color:Ne.roleColor??""})}
										>${Ne.author}</span
									><span></span>
								</div>`,()=>I(this.contextMessageDeleted,()=>ia({class:"discord-message-margintop",style:"margin-right: 3px;"})))}
						<div class="discord-replied-message-content discord-message-margintop">${Pi}</div>
						${I(this.contextCommandReply&&!this.contextMessageDeleted,()=>Si({class:"discord-replied-message-content-icon discord-message-margintop"}),()=>I(this.contextAttachmentReply,()=>Hi({class:"discord-replied-message-content-icon discord-message-margintop"})))} `)}
		`}static{me(e,s)}};return Lt=e})();var ai=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ke=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Jo=(()=>{let i=[Z("discord-custom-emoji")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b({attribute:!1})],f=[b({type:Boolean,attribute:"embed-emoji"})],d=[b({type:Boolean,attribute:"jumbo"})],ai(this,null,p,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:y=>"name"in y,get:y=>y.name,set:(y,L)=>{y.name=L}},metadata:x},o,h),ai(this,null,g,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:y=>"url"in y,get:y=>y.url,set:(y,L)=>{y.url=L}},metadata:x},m,n),ai(this,null,r,{kind:"accessor",name:"customEmojisMap",static:!1,private:!1,access:{has:y=>"customEmojisMap"in y,get:y=>y.customEmojisMap,set:(y,L)=>{y.customEmojisMap=L}},metadata:x},_,v),ai(this,null,f,{kind:"accessor",name:"embedEmoji",static:!1,private:!1,access:{has:y=>"embedEmoji"in y,get:y=>y.embedEmoji,set:(y,L)=>{y.embedEmoji=L}},metadata:x},c,l),ai(this,null,d,{kind:"accessor",name:"jumbo",static:!1,private:!1,access:{has:y=>"jumbo"in y,get:y=>y.jumbo,set:(y,L)=>{y.jumbo=L}},metadata:x},j,H),ai(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		.discord-custom-emoji {
			display: inline-block;
			cursor: pointer;
		}

		.discord-custom-emoji .discord-custom-emoji-image {
			object-fit: contain;
			width: 1.375rem;
			height: 1.375rem;
			vertical-align: bottom;
		}

		.discord-custom-emoji .discord-custom-jumbo-emoji-image {
			width: 3rem;
			height: 3rem;
			min-height: 3rem;
		}

		.discord-embed-custom-emoji {
			display: inline-block;
		}

		.discord-embed-custom-emoji .discord-embed-custom-emoji-image {
			width: 18px;
			height: 18px;
			vertical-align: bottom;
		}
	`;#e=Ke(this,o,void 0);get name(){return this.#e}set name(x){this.#e=x}#t=(Ke(this,h),Ke(this,m,void 0));get url(){return this.#t}set url(x){this.#t=x}#i=(Ke(this,n),Ke(this,_,{}));get customEmojisMap(){return this.#i}set customEmojisMap(x){this.#i=x}#s=(Ke(this,v),Ke(this,c,void 0));get embedEmoji(){return this.#s}set embedEmoji(x){this.#s=x}#a=(Ke(this,l),Ke(this,j,void 0));get jumbo(){return this.#a}set jumbo(x){this.#a=x}willUpdate(){if(!this.url&&this.name){let x=ii(this.name)??this.customEmojisMap[this.name];x&&(this.url??=x.url??"",this.embedEmoji??=x.embedEmoji??!1)}}render(){let x=`:${this.name}:`;return u`<span
			class=${fe({"discord-embed-custom-emoji":this.embedEmoji,"discord-custom-emoji":!this.embedEmoji})}
			><img
				aria-label=${x}
				src=${Q(this.url)}
				alt=${x}
				draggable="false"
				class=${fe({"discord-embed-custom-emoji-image":this.embedEmoji,"discord-custom-emoji-image":!this.embedEmoji,"discord-custom-jumbo-emoji-image":this.jumbo})}
		/></span> `}constructor(){super(...arguments),Ke(this,H)}static{Ke(e,s)}};return G=e})();var Re=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},be=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ko=(()=>{let i=[Z("discord-embed")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[];var ze=class extends a{static{e=this}static{let O=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b({attribute:"author-name"})],r=[b({attribute:"author-image"})],f=[b({attribute:"author-url"})],d=[b({attribute:"embed-title"})],G=[b({attribute:!1})],L=[b()],C=[b()],pe=[b()],re=[b()],le=[b()],T=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Re(this,null,p,{kind:"accessor",name:"color",static:!1,private:!1,access:{has:z=>"color"in z,get:z=>z.color,set:(z,ee)=>{z.color=ee}},metadata:O},o,h),Re(this,null,g,{kind:"accessor",name:"authorName",static:!1,private:!1,access:{has:z=>"authorName"in z,get:z=>z.authorName,set:(z,ee)=>{z.authorName=ee}},metadata:O},m,n),Re(this,null,r,{kind:"accessor",name:"authorImage",static:!1,private:!1,access:{has:z=>"authorImage"in z,get:z=>z.authorImage,set:(z,ee)=>{z.authorImage=ee}},metadata:O},_,v),Re(this,null,f,{kind:"accessor",name:"authorUrl",static:!1,private:!1,access:{has:z=>"authorUrl"in z,get:z=>z.authorUrl,set:(z,ee)=>{z.authorUrl=ee}},metadata:O},c,l),Re(this,null,d,{kind:"accessor",name:"embedTitle",static:!1,private:!1,access:{has:z=>"embedTitle"in z,get:z=>z.embedTitle,set:(z,ee)=>{z.embedTitle=ee}},metadata:O},j,H),Re(this,null,G,{kind:"accessor",name:"embedEmojisMap",static:!1,private:!1,access:{has:z=>"embedEmojisMap"in z,get:z=>z.embedEmojisMap,set:(z,ee)=>{z.embedEmojisMap=ee}},metadata:O},x,y),Re(this,null,L,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:z=>"url"in z,get:z=>z.url,set:(z,ee)=>{z.url=ee}},metadata:O},V,k),Re(this,null,C,{kind:"accessor",name:"thumbnail",static:!1,private:!1,access:{has:z=>"thumbnail"in z,get:z=>z.thumbnail,set:(z,ee)=>{z.thumbnail=ee}},metadata:O},P,se),Re(this,null,pe,{kind:"accessor",name:"image",static:!1,private:!1,access:{has:z=>"image"in z,get:z=>z.image,set:(z,ee)=>{z.image=ee}},metadata:O},q,$),Re(this,null,re,{kind:"accessor",name:"video",static:!1,private:!1,access:{has:z=>"video"in z,get:z=>z.video,set:(z,ee)=>{z.video=ee}},metadata:O},X,Y),Re(this,null,le,{kind:"accessor",name:"provider",static:!1,private:!1,access:{has:z=>"provider"in z,get:z=>z.provider,set:(z,ee)=>{z.provider=ee}},metadata:O},B,w),Re(this,null,T,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:z=>"lightTheme"in z,get:z=>z.lightTheme,set:(z,ee)=>{z.lightTheme=ee}},metadata:O},N,he),Re(null,t={value:e},i,{kind:"class",name:e.name,metadata:O},null,s),ze=e=t.value,O&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:O})}static styles=R`
		:host {
			color: #dcddde;
			display: flex;
			font-size: 13px;
			line-height: 150%;
			margin-bottom: 8px;
			margin-top: 8px;
		}

		:host([light-theme]) {
			color: #2e3338;
		}

		:host .discord-left-border {
			background-color: #202225;
			border-radius: 4px 0 0 4px;
			flex-shrink: 0;
			width: 4px;
		}

		:host([light-theme]) .discord-left-border {
			background-color: #e3e5e8;
		}

		:host .discord-embed-root {
			display: grid;
			grid-auto-flow: row;
			grid-row-gap: 0.25rem;
			min-height: 0;
			min-width: 0;
			text-indent: 0;
		}

		:host .discord-embed-wrapper {
			background-color: #2f3136;
			max-width: 520px;
			border: 1px solid rgba(46, 48, 54, 0.6);
			border-radius: 0 4px 4px 0;
			justify-self: start;
			align-self: start;
			display: grid;
			box-sizing: border-box;
		}

		:host([light-theme]) .discord-embed-wrapper {
			background-color: rgb(242, 243, 245);
			border-color: rgba(205, 205, 205, 0.3);
		}

		:host .discord-embed-wrapper .discord-embed-grid {
			display: inline-grid;
			grid-template-columns: auto -webkit-min-content;
			grid-template-columns: auto min-content;
			grid-template-columns: auto;
			grid-template-rows: auto;
			padding: 0.5rem 1rem 1rem 0.75rem;
		}

		:host .discord-embed-thumbnail {
			border-radius: 4px;
			flex-shrink: 0;
			grid-column: 2/2;
			grid-row: 1/8;
			justify-self: end;
			margin-left: 16px;
			margin-top: 8px;
			max-height: 80px;
			max-width: 80px;
			object-fit: contain;
			object-position: top center;
		}

		:host .discord-embed-author {
			-webkit-box-align: center;
			align-items: center;
			color: #fff;
			font-size: 14px;
			display: flex;
			font-weight: 600;
			grid-column: 1 / 1;
			margin-top: 8px;
			min-width: 0;
		}

		:host([light-theme]) .discord-embed-author {
			color: #060607;
		}

		:host .discord-embed-author a {
			color: #fff;
			font-weight: 600;
			text-decoration: none;
		}

		:host .discord-embed-author a:hover {
			text-decoration: underline;
		}

		:host([light-theme]) .discord-embed-author a {
			color: #060607;
		}

		:host .discord-embed-author .discord-author-image {
			border-radius: 50%;
			height: 24px;
			margin-right: 8px;
			width: 24px;
		}

		:host .discord-embed-author-block,
		:host .discord-embed-author-block > span {
			max-width: 95%;
		}

		:host .discord-embed-provider {
			font-size: 0.75rem;
			line-height: 1rem;
			font-weight: 400;
			grid-column: 1/1;
			margin-top: 8px;
			unicode-bidi: plaintext;
			text-align: left;
		}

		:host([light-theme]) .discord-embed-provider {
			color: #4f545c;
		}

		:host .discord-embed-title {
			-webkit-box-align: center;
			align-items: center;
			color: #fff;
			display: inline-block;
			font-size: 1rem;
			font-weight: 600;
			grid-column: 1 / 1;
			margin-top: 8px;
			min-width: 0;
		}

		:host([light-theme]) .discord-embed-title {
			color: #060607;
		}

		:host .discord-embed-title a {
			color: #00aff4;
			font-weight: 600;
			text-decoration: none;
		}

		:host .discord-embed-title a:hover {
			text-decoration: underline;
		}

		:host .discord-embed-image {
			border-radius: 4px;
			max-width: 300px;
			max-height: 300px;
		}

		:host .discord-embed-media {
			border-radius: 4px;
			contain: paint;
			display: block;
			grid-column: 1/1;
			margin-top: 16px;
		}

		:host .discord-embed-media.discord-embed-media-video {
			height: 225px;
		}

		:host .discord-embed.media .discord-embed-image {
			overflow: hidden;
			position: relative;
			user-select: text;
		}

		:host .discord-embed-media .discord-embed-video {
			-webkit-box-align: center;
			-webkit-box-pack: center;
			align-items: center;
			border-radius: 0;
			cursor: pointer;
			display: flex;
			height: 100%;
			justify-content: center;
			max-height: 100%;
			width: 100%;

			width: 400px;
			height: 225px;
			left: 0px;
			top: 0px;
		}

		.discord-embed-custom-emoji {
			display: inline-block;
		}

		.discord-embed-custom-emoji .discord-embed-custom-emoji-image {
			width: 18px;
			height: 18px;
			vertical-align: bottom;
		}

		slot[name='footer']::slotted(*) {
			grid-column: 1/3;
			grid-row: auto/auto;
		}
	`;#e=be(this,o,void 0);get color(){return this.#e}set color(O){this.#e=O}#t=(be(this,h),be(this,m,void 0));get authorName(){return this.#t}set authorName(O){this.#t=O}#i=(be(this,n),be(this,_,void 0));get authorImage(){return this.#i}set authorImage(O){this.#i=O}#s=(be(this,v),be(this,c,void 0));get authorUrl(){return this.#s}set authorUrl(O){this.#s=O}#a=(be(this,l),be(this,j,void 0));get embedTitle(){return this.#a}set embedTitle(O){this.#a=O}#r=(be(this,H),be(this,x,{}));get embedEmojisMap(){return this.#r}set embedEmojisMap(O){this.#r=O}#o=(be(this,y),be(this,V,void 0));get url(){return this.#o}set url(O){this.#o=O}#l=(be(this,k),be(this,P,void 0));get thumbnail(){return this.#l}set thumbnail(O){this.#l=O}#n=(be(this,se),be(this,q,void 0));get image(){return this.#n}set image(O){this.#n=O}#c=(be(this,$),be(this,X,void 0));get video(){return this.#c}set video(O){this.#c=O}#h=(be(this,Y),be(this,B,void 0));get provider(){return this.#h}set provider(O){this.#h=O}#d=(be(this,w),be(this,N,!1));get lightTheme(){return this.#d}set lightTheme(O){this.#d=O}render(){let O=this.parseTitle(this.authorName),z=this.parseTitle(this.embedTitle);return u`<div style=${Ie({"background-color":this.color})} class="discord-left-border"></div>
			<div class="discord-embed-root">
				<div class="discord-embed-wrapper">
					<div class="discord-embed-grid">
						${I(this.provider,()=>u`<div class="discord-embed-provider">${this.provider}</div>`)}
						${I(O,()=>u`<div class="discord-embed-author">
									${I(this.authorImage,()=>u`<img src=${Q(this.authorImage)} alt="" class="discord-author-image" />`)}
									${I(this.authorUrl,()=>u`<a
												href=${Q(this.authorUrl)}
												target="_blank"
												rel="noopener noreferrer"
												class="discord-embed-author-block"
											>
												<span class="discord-embed-author-block">${O}</span>
											</a>`,()=>u`<span class="discord-embed-author-block">${O}</span>`)}
								</div>`)}
						${I(z,()=>u`<div class="discord-embed-title">
									${this.url?u`<a href="${this.url}" target="_blank" rel="noopener noreferrer"> ${z} </a>`:u`${z}`}
								</div>`)}
						<slot name="description"></slot>
						<slot name="fields"></slot>
						${I(this.image||this.video,()=>u`<div class=${fe({"discord-embed-media":!0,"discord-embed-media-video":!!this.video})}>
									${this.renderMedia()}
								</div>`)}
						${I(this.thumbnail,()=>u`<img src=${Q(this.thumbnail)} alt="" class="discord-embed-thumbnail" />`)}
						<slot name="footer"></slot>
					</div>
				</div>
			</div>`}renderMedia(){return this.video?u`
				<video
					controls
					muted
					preload="none"
					poster=${Q(this.image)}
					src=${Q(this.video)}
					height="225"
					width="400"
					class="discord-embed-video"
				>
					<img src=${Q(this.image)} alt="Discord embed media" class="discord-embed-image" />
				</video>
			`:this.image?u`<img src=${Q(this.image)} alt="Discord embed media" class="discord-embed-image" />`:null}parseTitle(O){if(!O)return null;let z=[],ee="";for(let ae of O.split(`
`)){for(let U of ae.split(" ")){let ue=ii(U)??this.embedEmojisMap[U]??{};ue.name?z.push(u`<discord-custom-emoji name=${ue.name} url=${Q(ue.url)} embed-emoji></discord-custom-emoji>`):ee+=`${U} `,ee===" "&&z.push(u`<br />`)}z.push(ee),ee=""}return z.map(ae=>typeof ae=="string"?u`<span>${ae}</span>`:ae)}constructor(){super(...arguments),be(this,he)}static{be(e,s)}};return ze=e})();var Xo=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},el=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},tl=(()=>{let i=[Z("discord-embed-description")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;Xo(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			font-size: 0.875rem;
			font-weight: 400;
			grid-column: 1/1;
			line-height: 1.125rem;
			margin-top: 8px;
			min-width: 0;
		}
	`;render(){return u`<slot></slot>`}static{el(e,s)}};return p=e})();var ri=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Xe=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},il=(()=>{let i=[Z("discord-embed-field")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({reflect:!0,attribute:"field-title"})],g=[b({attribute:!1})],r=[b({type:Boolean,reflect:!0,attribute:"inline"})],f=[b({type:Number,reflect:!0,attribute:"inline-index"})],d=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],ri(this,null,p,{kind:"accessor",name:"fieldTitle",static:!1,private:!1,access:{has:y=>"fieldTitle"in y,get:y=>y.fieldTitle,set:(y,L)=>{y.fieldTitle=L}},metadata:x},o,h),ri(this,null,g,{kind:"accessor",name:"embedFieldEmojisMap",static:!1,private:!1,access:{has:y=>"embedFieldEmojisMap"in y,get:y=>y.embedFieldEmojisMap,set:(y,L)=>{y.embedFieldEmojisMap=L}},metadata:x},m,n),ri(this,null,r,{kind:"accessor",name:"inline",static:!1,private:!1,access:{has:y=>"inline"in y,get:y=>y.inline,set:(y,L)=>{y.inline=L}},metadata:x},_,v),ri(this,null,f,{kind:"accessor",name:"inlineIndex",static:!1,private:!1,access:{has:y=>"inlineIndex"in y,get:y=>y.inlineIndex,set:(y,L)=>{y.inlineIndex=L}},metadata:x},c,l),ri(this,null,d,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:y=>"lightTheme"in y,get:y=>y.lightTheme,set:(y,L)=>{y.lightTheme=L}},metadata:x},j,H),ri(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		:host {
			font-size: 0.875rem;
			line-height: 1.125rem;
			min-width: 0;
			font-weight: 400;
			grid-column: 1/13;
			word-break: break-word;
		}

		:host .discord-field-title {
			color: #ffffff;
			font-weight: 600;
			font-size: 0.875rem;
			line-height: 1.125rem;
			min-width: 0;
			margin-bottom: 2px;
		}

		:host .discord-inline-field {
			flex-grow: 1;
			flex-basis: auto;
			min-width: 150px;
		}

		:host([light-theme]) .discord-field-title {
			color: #313338;
		}
	`;#e=Xe(this,o,void 0);get fieldTitle(){return this.#e}set fieldTitle(x){this.#e=x}#t=(Xe(this,h),Xe(this,m,{}));get embedFieldEmojisMap(){return this.#t}set embedFieldEmojisMap(x){this.#t=x}#i=(Xe(this,n),Xe(this,_,!1));get inline(){return this.#i}set inline(x){this.#i=x}#s=(Xe(this,v),Xe(this,c,void 0));get inlineIndex(){return this.#s}set inlineIndex(x){this.#s=x}#a=(Xe(this,l),Xe(this,j,!1));get lightTheme(){return this.#a}set lightTheme(x){this.#a=x}validInlineIndices=(Xe(this,H),new Set([1,2,3]));checkInlineIndex(){if(this.inlineIndex){let x=Number(this.inlineIndex);if(!Number.isNaN(x)&&!this.validInlineIndices.has(x))throw new RangeError("DiscordEmbedField `inlineIndex` prop must be one of: 1, 2, or 3")}}render(){this.checkInlineIndex();let x=this.parseTitle(this.fieldTitle),y=I(x,()=>u`<div class="discord-field-title">${[...x]}</div>`);return u`${y}<slot></slot>`}parseTitle(x){if(!x)return null;let y=[],L="";for(let V of x.split(`
`)){for(let k of V.split(" ")){let C=ii(k)??this.embedFieldEmojisMap[k]??{};C.name?y.push(u`<discord-custom-emoji name=${C.name} url=${Q(C.url)} embed-emoji></discord-custom-emoji>`):L+=`${k} `,L===" "&&y.push(u`<br />`)}y.push(L),L=""}return y.map(V=>typeof V=="string"?u`<span>${V}</span>`:V)}static{Xe(e,s)}};return G=e})();var sl=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},al=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},rl=(()=>{let i=[Z("discord-embed-fields")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;sl(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			display: grid;
			grid-column: 1/1;
			margin-top: 8px;
			grid-gap: 8px;
		}

		::slotted([inline-index='1']) {
			grid-column: 1/5 !important;
		}

		::slotted([inline-index='2']) {
			grid-column: 5/9 !important;
		}

		::slotted([inline-index='3']) {
			grid-column: 9/13 !important;
		}
	`;render(){return u`<slot></slot>`}static{al(e,s)}};return p=e})();var Li=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},dt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},ol=(()=>{let i=[Z("discord-embed-footer")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[];var d=class extends a{static{e=this}static{let j=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({attribute:"footer-image"})],g=[b({attribute:"footer-image-alt"})],r=[b({type:String,reflect:!0,converter:H=>Ht(H),attribute:!0})],f=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Li(this,null,p,{kind:"accessor",name:"footerImage",static:!1,private:!1,access:{has:H=>"footerImage"in H,get:H=>H.footerImage,set:(H,G)=>{H.footerImage=G}},metadata:j},o,h),Li(this,null,g,{kind:"accessor",name:"footerImageAlt",static:!1,private:!1,access:{has:H=>"footerImageAlt"in H,get:H=>H.footerImageAlt,set:(H,G)=>{H.footerImageAlt=G}},metadata:j},m,n),Li(this,null,r,{kind:"accessor",name:"timestamp",static:!1,private:!1,access:{has:H=>"timestamp"in H,get:H=>H.timestamp,set:(H,G)=>{H.timestamp=G}},metadata:j},_,v),Li(this,null,f,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:H=>"lightTheme"in H,get:H=>H.lightTheme,set:(H,G)=>{H.lightTheme=G}},metadata:j},c,l),Li(null,t={value:e},i,{kind:"class",name:e.name,metadata:j},null,s),d=e=t.value,j&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:j})}static styles=R`
		:host {
			-webkit-box-align: center;
			align-items: center;
			display: flex;
			font-size: 12px;
			line-height: 16px;
			font-weight: 500;
			margin-top: 8px;
		}

		:host([light-theme]) {
			color: #747f8d;
		}

		:host .discord-footer-image {
			border-radius: 50%;
			flex-shrink: 0;
			height: 20px;
			margin-right: 8px;
			width: 20px;
		}

		:host .discord-footer-separator {
			color: #dcddde;
			font-weight: 500;
			display: inline-block;
			margin: 0 4px;
		}

		:host([light-theme]) .discord-footer-separator {
			color: #5c5e66;
		}
	`;#e=dt(this,o,void 0);get footerImage(){return this.#e}set footerImage(j){this.#e=j}#t=(dt(this,h),dt(this,m,void 0));get footerImageAlt(){return this.#t}set footerImageAlt(j){this.#t=j}#i=(dt(this,n),dt(this,_,void 0));get timestamp(){return this.#i}set timestamp(j){this.#i=j}#s=(dt(this,v),dt(this,c,!1));get lightTheme(){return this.#s}set lightTheme(j){this.#s=j}updateTimestamp(j){j&&!Number.isNaN(new Date(j).getTime())&&(this.timestamp=Ht(j))}render(){return this.updateTimestamp(this.timestamp),u`${I(this.footerImage,()=>u`<img src=${Q(this.footerImage)} alt=${Q(this.footerImageAlt)} class="discord-footer-image" />`)}
			<slot></slot>
			${I(this.timestamp,()=>u`<span class="discord-footer-separator">&bull;</span>`)}
			${I(this.timestamp,()=>` ${this.timestamp}`,()=>null)}`}constructor(){super(...arguments),dt(this,l)}static{dt(e,s)}};return d=e})();var ll=E`
	<path
	fill="#939bf9"
	d="m72 29.3v60.3c0 2.24 0 3.36-.44 4.22-.38.74-1 1.36-1.74 1.74-.86.44-1.98.44-4.22.44h-59.2c-2.24 0-3.36 0-4.22-.44-.74-.38-1.36-1-1.74-1.74-.44-.86-.44-1.98-.44-4.22v-83.2c0-2.24 0-3.36.44-4.22.38-.74 1-1.36 1.74-1.74.86-.44 1.98-.44 4.22-.44h36.3c1.96 0 2.94 0 3.86.22.5.12.98.28 1.44.5v16.88c0 2.24 0 3.36.44 4.22.38.74 1 1.36 1.74 1.74.86.44 1.98.44 4.22.44h16.88c.22.46.38.94.5 1.44.22.92.22 1.9.22 3.86z" fill="#d3d6fd"/><path d="m68.26 20.26c1.38 1.38 2.06 2.06 2.56 2.88.18.28.32.56.46.86h-16.88c-2.24 0-3.36 0-4.22-.44-.74-.38-1.36-1-1.74-1.74-.44-.86-.44-1.98-.44-4.22v-16.880029c.3.14.58.28.86.459999.82.5 1.5 1.18 2.88 2.56z" />
`;function sa(i={}){return u`<svg ${D(i)} aria-hidden="false" fill="none" width="72" height="96" viewBox="0 0 72 96">${ll}</svg>`}var mt=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Se=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},nl=(()=>{let i=[Z("discord-file-attachment")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[];var pe=class extends a{static{e=this}static{let q=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b({type:Number})],r=[b({attribute:"bytes-unit"})],f=[b()],d=[b()],G=[b()],L=[b()],C=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],mt(this,null,p,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:$=>"name"in $,get:$=>$.name,set:($,re)=>{$.name=re}},metadata:q},o,h),mt(this,null,g,{kind:"accessor",name:"bytes",static:!1,private:!1,access:{has:$=>"bytes"in $,get:$=>$.bytes,set:($,re)=>{$.bytes=re}},metadata:q},m,n),mt(this,null,r,{kind:"accessor",name:"bytesUnit",static:!1,private:!1,access:{has:$=>"bytesUnit"in $,get:$=>$.bytesUnit,set:($,re)=>{$.bytesUnit=re}},metadata:q},_,v),mt(this,null,f,{kind:"accessor",name:"href",static:!1,private:!1,access:{has:$=>"href"in $,get:$=>$.href,set:($,re)=>{$.href=re}},metadata:q},c,l),mt(this,null,d,{kind:"accessor",name:"rel",static:!1,private:!1,access:{has:$=>"rel"in $,get:$=>$.rel,set:($,re)=>{$.rel=re}},metadata:q},j,H),mt(this,null,G,{kind:"accessor",name:"target",static:!1,private:!1,access:{has:$=>"target"in $,get:$=>$.target,set:($,re)=>{$.target=re}},metadata:q},x,y),mt(this,null,L,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:$=>"type"in $,get:$=>$.type,set:($,re)=>{$.type=re}},metadata:q},V,k),mt(this,null,C,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:$=>"lightTheme"in $,get:$=>$.lightTheme,set:($,re)=>{$.lightTheme=re}},metadata:q},P,se),mt(null,t={value:e},i,{kind:"class",name:e.name,metadata:q},null,s),pe=e=t.value,q&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:q})}static styles=R`
		:host {
			display: grid;
			height: -moz-fit-content;
			height: fit-content;
			grid-auto-flow: row;
			grid-row-gap: 0.25rem;
			grid-template-columns: repeat(auto-fill, minmax(100%, 1fr));
			text-indent: 0;
			min-height: 0;
			min-width: 0;
			padding-top: 0.125rem;
			padding-bottom: 0.125rem;
			position: relative;
		}

		:host > * {
			justify-self: start;
			align-self: start;
		}

		.discord-file-attachment-non-visual-media-item-container:hover .discord-button-download-attachment {
			display: block !important;
		}

		.discord-button-download-attachment {
			display: none;
			position: absolute;
			top: -8px;
			right: -8px;
			border-radius: 5px;
			outline: color-mix(in oklab, hsl(220 calc(1 * 6.5%) 18% / 1) 100%, black 0%);
			background-color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
		}

		.discord-link-download-attachment {
			color: color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%);
			display: flex;
		}

		.discord-icon-download {
			padding: 6px;
		}

		.discord-file-attachment-non-visual-media-item-container {
			margin-top: 8px;
			max-width: 100%;
			display: flex;
			flex-direction: column;
			position: relative;
		}

		.discord-file-attachment-non-visual-media-item {
			width: -moz-fit-content;
			width: fit-content;
			max-width: 100%;
		}

		.discord-file-attachment-mosaic-item-media {
			position: relative;
			max-height: inherit;
			border-radius: 2px;
			width: 100%;
			align-items: center;
			display: flex;
			flex-flow: row nowrap;
			max-width: 100%;
			height: 100%;
		}

		.discord-file-attachment-mosaic-style {
			padding: 16px;
			border-radius: 8px;
			width: 432px;
			max-width: 100%;
			flex: auto;
			border-color: #202020;
			background-color: #282828;

			align-items: center;
			flex-direction: row;
			display: flex;
			box-sizing: border-box;
			letter-spacing: 0;
			border: 1px solid transparent;
		}

		.discord-file-attachment-light-theme.discord-file-attachment-mosaic-style {
			border-color: #f3f3f3;
			background-color: #f9f9f9;
		}

		.discord-file-attachment-icon {
			width: 30px;
			height: 40px;
			margin-right: 8px;
			flex-shrink: 0;
		}

		.discord-file-attachment-inner {
			flex: 1;
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
		}

		.discord-file-attachment-filename-link-wrapper {
			color: #00aff4;
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
		}

		.discord-file-attachment-metadata {
			line-height: 16px;
			font-size: 12px;
			font-weight: 400;
			color: hsl(223 calc(1 * 5.8%) 52.9% / 1);
			margin-right: 8px;
		}
	`;#e=Se(this,o,void 0);get name(){return this.#e}set name(q){this.#e=q}#t=(Se(this,h),Se(this,m,void 0));get bytes(){return this.#t}set bytes(q){this.#t=q}#i=(Se(this,n),Se(this,_,void 0));get bytesUnit(){return this.#i}set bytesUnit(q){this.#i=q}#s=(Se(this,v),Se(this,c,void 0));get href(){return this.#s}set href(q){this.#s=q}#a=(Se(this,l),Se(this,j,void 0));get rel(){return this.#a}set rel(q){this.#a=q}#r=(Se(this,H),Se(this,x,void 0));get target(){return this.#r}set target(q){this.#r=q}#o=(Se(this,y),Se(this,V,void 0));get type(){return this.#o}set type(q){this.#o=q}#l=(Se(this,k),Se(this,P,!1));get lightTheme(){return this.#l}set lightTheme(q){this.#l=q}render(){return u`<div class="discord-file-attachment-non-visual-media-item-container">
			<div class="discord-file-attachment-non-visual-media-item">
				<div class="discord-file-attachment-mosaic-item-media">
					<div class=${fe({"discord-file-attachment-mosaic-style":!0,"discord-file-attachment-light-theme":this.lightTheme})}>
						${sa({class:"discord-file-attachment-icon",alt:"Attachment file type: unknown",title:"unknown"})}
						<div class="discord-file-attachment-inner">
							<div class="discord-file-attachment-filename-link-wrapper">
								<discord-link
									href=${Q(this.href)}
									rel=${Q(this.rel)}
									target=${Q(this.target)}
									type=${Q(this.type)}
								>
									${this.name}
								</discord-link>
							</div>
							<div class="discord-file-attachment-metadata">
								${this.bytes}${I(this.bytesUnit,()=>u` ${this.bytesUnit}`,()=>null)}
							</div>
						</div>
					</div>
				</div>
			</div>
			<div class="discord-button-download-attachment">
				<a
					class="discord-link-download-attachment"
					aria-label="Download"
					href="${Q(this.href)}"
					rel="noreferrer noopener"
					target="_blank"
					role="button"
					tabindex="0"
				>
					${Pt()}
				</a>
			</div>
		</div>`}constructor(){super(...arguments),Se(this,se)}static{Se(e,s)}};return pe=e})();var oi=(i,t,s)=>{for(let e of t)if(e[0]===i)return(0,e[1])();return s?.()};var vr=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},aa=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},cl=(()=>{let i=[Z("discord-header")],t,s=[],e,a=F,p,o=[],h=[];var g=class extends a{static{e=this}static{let m=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Number,reflect:!0})],vr(this,null,p,{kind:"accessor",name:"level",static:!1,private:!1,access:{has:n=>"level"in n,get:n=>n.level,set:(n,r)=>{n.level=r}},metadata:m},o,h),vr(null,t={value:e},i,{kind:"class",name:e.name,metadata:m},null,s),g=e=t.value,m&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:m})}static styles=R`
		:host > * {
			margin: 16px 0 8px;
			font-weight: 700;
			line-height: 1.375em;
		}

		:host([level='1']) > h1 {
			font-size: 1.5rem;
		}

		:host([level='2']) > h2 {
			font-size: 1.25rem;
		}

		:host([level='3']) > h3 {
			font-size: 1rem;
		}

		:host([level='1']):first-child() > h1,
		:host([level='2']):first-child() > h2 {
			margin-top: 8px;
		}

		:host([level='3']):first-child() > h3 {
			margin-top: 4px;
		}
	`;#e=aa(this,o,1);get level(){return this.#e}set level(m){this.#e=m}ensureLevelIsNumber(){this.level&&!Number.isNaN(this.level)&&(this.level=Number(this.level))}checkLevel(){if(this.level<1||this.level>3)throw new RangeError("The level property must be a number between 1 and 3 (inclusive)")}render(){return this.ensureLevelIsNumber(),this.checkLevel(),oi(this.level,[[1,()=>u`<h1><slot></slot></h1>`],[2,()=>u`<h2><slot></slot></h2>`],[3,()=>u`<h3><slot></slot></h3>`]],()=>u`<slot></slot>`)}constructor(){super(...arguments),aa(this,h)}static{aa(e,s)}};return g=e})();var li=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},et=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},hl=(()=>{let i=[Z("discord-image-attachment")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({reflect:!0,attribute:"url"})],g=[b({type:Number,reflect:!0,attribute:"height"})],r=[b({type:Number,reflect:!0,attribute:"width"})],f=[b({reflect:!0,attribute:"alt"})],d=[b({type:Boolean,attribute:"custom-image-element"})],li(this,null,p,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:y=>"url"in y,get:y=>y.url,set:(y,L)=>{y.url=L}},metadata:x},o,h),li(this,null,g,{kind:"accessor",name:"height",static:!1,private:!1,access:{has:y=>"height"in y,get:y=>y.height,set:(y,L)=>{y.height=L}},metadata:x},m,n),li(this,null,r,{kind:"accessor",name:"width",static:!1,private:!1,access:{has:y=>"width"in y,get:y=>y.width,set:(y,L)=>{y.width=L}},metadata:x},_,v),li(this,null,f,{kind:"accessor",name:"alt",static:!1,private:!1,access:{has:y=>"alt"in y,get:y=>y.alt,set:(y,L)=>{y.alt=L}},metadata:x},c,l),li(this,null,d,{kind:"accessor",name:"customImageElement",static:!1,private:!1,access:{has:y=>"customImageElement"in y,get:y=>y.customImageElement,set:(y,L)=>{y.customImageElement=L}},metadata:x},j,H),li(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		:host {
			display: block;
			position: relative;
			-webkit-user-select: text;
			-moz-user-select: text;
			-ms-user-select: text;
			user-select: text;
			overflow: hidden;
			border-radius: 3px;
		}

		.discord-image-attachment {
			color: #dcddde;
			display: flex;
			font-size: 13px;
			line-height: 150%;
			margin-bottom: 8px;
			margin-top: 8px;
		}
	`;#e=et(this,o,void 0);get url(){return this.#e}set url(x){this.#e=x}#t=(et(this,h),et(this,m,void 0));get height(){return this.#t}set height(x){this.#t=x}#i=(et(this,n),et(this,_,void 0));get width(){return this.#i}set width(x){this.#i=x}#s=(et(this,v),et(this,c,"discord image attachment"));get alt(){return this.#s}set alt(x){this.#s=x}#a=(et(this,l),et(this,j,!1));get customImageElement(){return this.#a}set customImageElement(x){this.#a=x}componentWillRender(){this.customImageElement||ur(this.url)}render(){return u`
			<div class="discord-image-attachment">
				<div class="discord-image-wrapper" style="${Ie({height:`${this.height}px`,width:`${this.width}px`})}">
					${I(this.customImageElement,()=>u`<slot></slot>`,()=>u`<img
								alt=${Q(this.alt)}
								src=${Q(this.url)}
								height=${Q(this.height)}
								width=${Q(this.width)}
							/>`)}
				</div>
			</div>
		`}constructor(){super(...arguments),et(this,H)}static{et(e,s)}};return G=e})();var Ue=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ye=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},$s=(()=>{let i=[Z("discord-input-text")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[];var ze=class extends a{static{e=this}static{let O=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({reflect:!0,attribute:"type",type:String})],g=[b({reflect:!0,attribute:"required",type:Boolean})],r=[b({reflect:!0,attribute:"label",type:String})],f=[b({reflect:!0,attribute:"placeholder",type:String})],d=[b({reflect:!0,attribute:"min-length",type:Number})],G=[b({reflect:!0,attribute:"max-length",type:Number})],L=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],C=[b({type:String,reflect:!0,attribute:"default-value"})],pe=[De()],re=[De()],le=[De()],T=[De()],Ue(this,null,p,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:z=>"type"in z,get:z=>z.type,set:(z,ee)=>{z.type=ee}},metadata:O},o,h),Ue(this,null,g,{kind:"accessor",name:"required",static:!1,private:!1,access:{has:z=>"required"in z,get:z=>z.required,set:(z,ee)=>{z.required=ee}},metadata:O},m,n),Ue(this,null,r,{kind:"accessor",name:"label",static:!1,private:!1,access:{has:z=>"label"in z,get:z=>z.label,set:(z,ee)=>{z.label=ee}},metadata:O},_,v),Ue(this,null,f,{kind:"accessor",name:"placeholder",static:!1,private:!1,access:{has:z=>"placeholder"in z,get:z=>z.placeholder,set:(z,ee)=>{z.placeholder=ee}},metadata:O},c,l),Ue(this,null,d,{kind:"accessor",name:"minLength",static:!1,private:!1,access:{has:z=>"minLength"in z,get:z=>z.minLength,set:(z,ee)=>{z.minLength=ee}},metadata:O},j,H),Ue(this,null,G,{kind:"accessor",name:"maxLength",static:!1,private:!1,access:{has:z=>"maxLength"in z,get:z=>z.maxLength,set:(z,ee)=>{z.maxLength=ee}},metadata:O},x,y),Ue(this,null,L,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:z=>"lightTheme"in z,get:z=>z.lightTheme,set:(z,ee)=>{z.lightTheme=ee}},metadata:O},V,k),Ue(this,null,C,{kind:"accessor",name:"defaultValue",static:!1,private:!1,access:{has:z=>"defaultValue"in z,get:z=>z.defaultValue,set:(z,ee)=>{z.defaultValue=ee}},metadata:O},P,se),Ue(this,null,pe,{kind:"accessor",name:"value",static:!1,private:!1,access:{has:z=>"value"in z,get:z=>z.value,set:(z,ee)=>{z.value=ee}},metadata:O},q,$),Ue(this,null,re,{kind:"accessor",name:"hasWarning",static:!1,private:!1,access:{has:z=>"hasWarning"in z,get:z=>z.hasWarning,set:(z,ee)=>{z.hasWarning=ee}},metadata:O},X,Y),Ue(this,null,le,{kind:"accessor",name:"calculatedMaxLength",static:!1,private:!1,access:{has:z=>"calculatedMaxLength"in z,get:z=>z.calculatedMaxLength,set:(z,ee)=>{z.calculatedMaxLength=ee}},metadata:O},B,w),Ue(this,null,T,{kind:"accessor",name:"calculatedCharactersCount",static:!1,private:!1,access:{has:z=>"calculatedCharactersCount"in z,get:z=>z.calculatedCharactersCount,set:(z,ee)=>{z.calculatedCharactersCount=ee}},metadata:O},N,he),Ue(null,t={value:e},i,{kind:"class",name:e.name,metadata:O},null,s),ze=e=t.value,O&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:O})}static styles=R`
		.discord-input-text {
			width: 100%;
			margin-bottom: 1em;
		}

		.discord-label-input-text {
			margin-bottom: 8px;
			font-size: 12px;
			line-height: 1.3333333333333333;
			font-weight: 700;
			text-transform: uppercase;
			letter-spacing: 0.02em;
			color: color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%);
		}

		.discord-text-input-warning-length {
			display: flex;
			align-items: center;
			font-size: 12px;
			line-height: 1.3333333333333333;
			font-weight: 700;
			text-transform: normal !important;
			letter-spacing: 0.02em;
			color: #b0b5bc;
			gap: 3px;
		}

		.discord-text-input-warning-error-text {
			font-size: 12px;
			font-weight: 500;
			font-style: italic;
			text-transform: none;
		}

		.discord-text-input-warning-bottom-error-text {
			font-size: 12px;
			line-height: 1.3333333333333333;
			font-weight: 400;
		}

		.discord-text-input-required {
			padding-left: 4px;
			color: hsl(359 calc(1 * 87.3%) 59.8% / 1);
		}

		.discord-text-input-container {
			width: 100%;
			display: flex;
			flex-direction: column;
			position: relative;
		}

		.discord-text-input-paragraph {
			width: 100%;
			resize: none;
			box-sizing: border-box;
			height: 83px;
			padding: 8px 38.92px 8px 8px;
			border-radius: 3px;
			border: medium;
			background-color: #1e1f22;
			color: #b0b5bc;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
		}

		.discord-text-input-short {
			width: 100%;
			resize: none;
			box-sizing: border-box;
			height: 40px;
			padding: 8px 38.92px 8px 8px;
			border-radius: 3px;
			border: medium;
			background-color: #1e1f22;
			color: #b0b5bc;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
		}

		input,
		textarea,
		::placeholder {
			font-weight: 400;
			font-size: 16px;
			color: #b0b5bc;
			opacity: 0.8;
		}

		.discord-text-input-paragraph::-webkit-scrollbar {
			width: 8px;
			margin-right: 5px;
			background-color: transparent;
		}

		.discord-text-input-paragraph::-webkit-scrollbar-track {
			background-color: rgba(255, 255, 255, 0.2);
			margin-right: 1em auto;
			border-radius: 10px;
		}

		.discord-text-input-paragraph::-webkit-scrollbar-thumb {
			border-radius: 10px;
			background-color: rgba(0, 0, 0, 0.5);
			margin-right: 1em auto;
		}

		.discord-text-input-textarea-max-length {
			font-size: small;
			position: absolute;
			display: flex;
			color: #b0b5bc;
			right: 0;
			bottom: 0;
			padding-right: 16px;
		}

		:host .discord-text-input-warning-length * {
			color: color-mix(in oklab, hsl(358 calc(1 * 92.9%) 72.4% / 1) 100%, black 0%) !important;
		}

		:host([light-theme]) .discord-text-input-warning-length * {
			color: color-mix(in oklab, hsl(360 calc(1 * 60.2%) 39.4% / 1) 100%, black 0%) !important;
		}

		:host([light-theme]) .discord-text-input-short,
		:host([light-theme]) .discord-label-input-text {
			color: color-mix(in oklab, hsl(228 calc(1 * 6%) 32.5% / 1) 100%, black 0%);
		}

		:host([light-theme]) .discord-text-input-paragraph,
		:host([light-theme]) .discord-text-input-short {
			background-color: rgb(253, 253, 253);
			border: 1px solid #b0b5bc;
		}

		:host([light-theme]) input,
		:host([light-theme]) textarea,
		:host([light-theme]) ::placeholder {
			font-weight: 400;
			font-size: 16px;
			color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
			opacity: 0.8;
		}

		.discord-text-input-message-needed-input,
		.discord-text-input-message-needed-min-length {
			background-color: white;
			position: absolute;
			align-items: center;
			gap: 5px;
			left: 50%;
			transform: translateX(-50%);
			opacity: 0;
			display: none;
			transition: 0.5s;
			color: black;
			border-radius: 5px;
			text-align: center;
			font-family: system-ui;
			pointer-events: none;
			padding: 10px;
			min-width: 50%;
			border: black solid 1px;
			z-index: 25;
		}

		.discord-text-input-message-needed-input::after,
		.discord-text-input-message-needed-min-length::after {
			content: '';
			position: absolute;
			bottom: 100%; /* Positions the arrow above the div */
			left: 0;
			transform: translateX(50%);
			border-width: 10px !important; /* Arrow size */
			border-style: solid !important;
			border-color: transparent transparent white transparent !important; /* Arrow pointing up */
		}

		:host([light-theme]) .discord-text-input-message-needed-input::after,
		:host([light-theme]) .discord-text-input-message-needed-min-length::after {
			border-color: transparent transparent #bfbfbf transparent !important; /* Arrow pointing up */
		}

		.discord-text-input-message-needed-min-length::after {
			transform: translate(500%);
		}

		.discord-text-input-message-needed-min-length {
			left: 50% !important;
			width: max-content;
		}

		.icon {
			width: 25px;
			height: 25px;
			background-color: darkorange;
			border-radius: 5px;
			position: relative;
			display: flex;
			justify-content: center;
			align-items: center;
			color: white;
			font-weight: bold;
			font-size: 18px;
			line-height: 1;
			text-align: center;
		}

		.exclamation {
			display: flex;
			flex-direction: column;
			align-items: center;
			line-height: 1;
		}
	`;#e=ye(this,o,"paragraph");get type(){return this.#e}set type(O){this.#e=O}#t=(ye(this,h),ye(this,m,!1));get required(){return this.#t}set required(O){this.#t=O}#i=(ye(this,n),ye(this,_,void 0));get label(){return this.#i}set label(O){this.#i=O}#s=(ye(this,v),ye(this,c,void 0));get placeholder(){return this.#s}set placeholder(O){this.#s=O}#a=(ye(this,l),ye(this,j,0));get minLength(){return this.#a}set minLength(O){this.#a=O}#r=(ye(this,H),ye(this,x,4e3));get maxLength(){return this.#r}set maxLength(O){this.#r=O}#o=(ye(this,y),ye(this,V,!1));get lightTheme(){return this.#o}set lightTheme(O){this.#o=O}#l=(ye(this,k),ye(this,P,""));get defaultValue(){return this.#l}set defaultValue(O){this.#l=O}#n=(ye(this,se),ye(this,q,""));get value(){return this.#n}set value(O){this.#n=O}#c=(ye(this,$),ye(this,X,!1));get hasWarning(){return this.#c}set hasWarning(O){this.#c=O}#h=(ye(this,Y),ye(this,B,null));get calculatedMaxLength(){return this.#h}set calculatedMaxLength(O){this.#h=O}#d=(ye(this,w),ye(this,N,0));get calculatedCharactersCount(){return this.#d}set calculatedCharactersCount(O){this.#d=O}connectedCallback(){super.connectedCallback(),this.defaultValue&&(this.value=this.defaultValue,this.calculatedCharactersCount=this.value.length)}resetState(){this.hasWarning=!1,this.calculatedMaxLength=null,this.calculatedCharactersCount=0,this.defaultValue?this.value=this.defaultValue:this.value=""}render(){return this.checkNeededArgument(),this.checkType(),u`
			<div class="discord-input-text">
				<div class=${fe({"discord-text-input-warning-length":this.hasWarning})}>
					<h2 class="discord-label-input-text">
						${this.label.slice(0,45)}${I(this.required&&!this.hasWarning,()=>u`<span class="discord-text-input-required">*</span>`)}
					</h2>
					${I(this.hasWarning,()=>u`<span class="discord-text-input-warning-length discord-text-input-warning-error-text">
								- Must be between ${this.minLength} and ${this.maxLength} in length.</span
							>`)}
				</div>
				<div class="discord-text-input-container">
					${I(this.type==="paragraph",()=>u`
							<div class="discord-text-input-container">
								<textarea
									@input=${O=>this.handleInputChange(O)}
									.required=${this.required}
									.value=${this.value}
									class="discord-text-input-paragraph"
									type="text"
									minlength="${this.minLength}"
									maxlength="${this.maxLength}"
									placeholder="${Q(this.placeholder)}"
									rows="3"
								></textarea>
								<div class="discord-text-input-textarea-max-length">
									<span
										>${I(this.valueIsNotNullOrUndefined(this.calculatedMaxLength),()=>this.calculatedMaxLength,()=>I(this.value,()=>this.maxLength-this.value.length,()=>this.maxLength))}</span
									>
								</div>
							</div>
						`)}
					${I(this.type==="short",()=>u`<input
								@input=${O=>this.handleInputChange(O)}
								.required=${this.required}
								.value=${this.value}
								class="discord-text-input-short"
								type="text"
								minlength="${this.minLength}"
								maxlength="${this.maxLength}"
								placeholder="${Q(this.placeholder)}"
								rows="3"
							/>`)}
				</div>
				${I(this.required,()=>u`
						<div class="discord-text-input-message-needed-input">
							<div class="icon">
								<div class="exclamation">!</div>
							</div>
							<span>Please fill out this field.</span>
						</div>
					`)}
				${I(this.valueIsNotNullOrUndefined(this.minLength),()=>u`
						<div class="discord-text-input-message-needed-min-length">
							<div class="icon">
								<div class="exclamation">!</div>
							</div>
							<span
								>Increase this text to ${this.minLength} characters or more. You are currently using ${this.calculatedCharactersCount}
								characters</span
							>
						</div>
					`)}
				<div class=${fe({"discord-text-input-warning-length":this.hasWarning})}>
					<h2 class="discord-text-input-warning-length">
						${I(this.hasWarning&&this.valueIsNotNullOrUndefined(this.minLength),()=>u`<span class="discord-text-input-warning-bottom-error-text"
									>Must be ${this.minLength} characters or more in length.</span
								>`)}
					</h2>
				</div>
			</div>
		`}validInputTextTypes=(ye(this,he),new Set(["short","paragraph"]));checkNeededArgument(){if(this.label){if(!this.type)throw new $e("Type is required to input text")}else throw new $e("Label is required to input text")}checkType(){if(typeof this.type!="string")throw new TypeError("DiscordInputText `type` prop must be a string.");if(!this.validInputTextTypes.has(this.type))throw new RangeError("DiscordInputText `type` prop must be one of: 'short', 'paragraph'")}valueIsNotNullOrUndefined(O){return O!=null}handleInputChange(O){let z=O?.target;if(this.value=z instanceof HTMLTextAreaElement||z instanceof HTMLInputElement?z.value:"",z instanceof HTMLTextAreaElement||z instanceof HTMLInputElement){let U=z.value.length;U===0&&this.minLength===0&&this.valueIsNotNullOrUndefined(this.maxLength)&&this.required?this.hasWarning=!0:this.hasWarning=U<this.minLength,this.calculatedMaxLength=this.maxLength-U,this.calculatedCharactersCount=U}let ee=this.shadowRoot?.querySelector("div.discord-text-input-message-needed-input"),ae=this.shadowRoot?.querySelector("div.discord-text-input-message-needed-min-length");z.value.length>=this.minLength&&ae instanceof HTMLDivElement&&ae.style.display&&(ae.style.opacity="0",globalThis.setTimeout(()=>{ae.style.display=""},1e3)),ee instanceof HTMLDivElement&&ee.style.display&&(ee.style.opacity="0",globalThis.setTimeout(()=>{ee.style.display=""},1e3))}static{ye(e,s)}};return ze=e})();var dl=E`
<path
	fill="currentColor"
	fill-rule="evenodd"
	d="m16 7.6c0 .79-1.28 1.38-1.52 2.09s.44 2 0 2.59-1.84.35-2.46.8-.79 1.84-1.54 2.09-1.67-.8-2.47-.8-1.75 1-2.47.8-.92-1.64-1.54-2.09-2-.18-2.46-.8.23-1.84 0-2.59-1.54-1.3-1.54-2.09 1.28-1.38 1.52-2.09-.44-2 0-2.59 1.85-.35 2.48-.8.78-1.84 1.53-2.12 1.67.83 2.47.83 1.75-1 2.47-.8.91 1.64 1.53 2.09 2 .18 2.46.8-.23 1.84 0 2.59 1.54 1.3 1.54 2.09z"
/>
`;function ra(i){return u`<svg ${D(i)} class="discord-guild-badge" aria-hidden="false" width="16" height="16" viewBox="0 0 16 15.2">
		${dl}
	</svg>`}var ml=E`
	<path
		d="M10.5906 6.39993L9.19223 7.29993C8.99246 7.39993 8.89258 7.39993 8.69281 7.29993C8.59293 7.19993 8.39317 7.09993 8.29328 6.99993C7.89375 6.89993 7.5941 6.99993 7.29445 7.19993L6.79504 7.49993L4.29797 9.19993C3.69867 9.49993 2.99949 9.39993 2.69984 8.79993C2.30031 8.29993 2.50008 7.59993 2.99949 7.19993L5.99598 5.19993C6.79504 4.69993 7.79387 4.49993 8.69281 4.69993C9.49188 4.89993 10.0912 5.29993 10.5906 5.89993C10.7904 6.09993 10.6905 6.29993 10.5906 6.39993Z"
		fill="currentColor"
	/>
	<path
		d="M13.4871 7.79985C13.4871 8.19985 13.2874 8.59985 12.9877 8.79985L9.89135 10.7999C9.29206 11.1999 8.69276 11.3999 7.99358 11.3999C7.69393 11.3999 7.49417 11.3999 7.19452 11.2999C6.39545 11.0999 5.79616 10.6999 5.29674 10.0999C5.19686 9.89985 5.29674 9.69985 5.39663 9.59985L6.79499 8.69985C6.89487 8.59985 7.09463 8.59985 7.19452 8.69985C7.39428 8.79985 7.59405 8.89985 7.69393 8.99985C8.09346 8.99985 8.39311 8.99985 8.69276 8.79985L9.39194 8.39985L11.3896 6.99985L11.6892 6.79985C12.1887 6.49985 12.9877 6.59985 13.2874 7.09985C13.4871 7.39985 13.4871 7.59985 13.4871 7.79985Z"
		fill="currentColor"
	/>
`;function oa(i={}){return u`<svg ${D(i)} class="partner-badge-overlay" aria-hidden="false" width="16" height="16" viewBox="0 0 16 16">
		${ml}
	</svg>`}var pl=E`
	<path d="M7.4,11.17,4,8.62,5,7.26l2,1.53L10.64,4l1.36,1Z" fill="currentColor" />
`;function la(i={}){return u`<svg ${D(i)} class="verified-badge-overlay" aria-hidden="false" width="16" height="16" viewBox="0 0 16 15.2">
		${pl}
	</svg>`}var tt=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Me=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},fl=(()=>{let i=[Z("discord-invite")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[];var le=class extends a{static{e=this}static{let B=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b()],f=[b({type:Number})],d=[b({type:Number})],G=[b({type:Boolean})],L=[b({type:Boolean})],C=[b({attribute:"invite-title"})],pe=[b({attribute:"join-btn"})],re=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],tt(this,null,p,{kind:"accessor",name:"icon",static:!1,private:!1,access:{has:w=>"icon"in w,get:w=>w.icon,set:(w,T)=>{w.icon=T}},metadata:B},o,h),tt(this,null,g,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:w=>"name"in w,get:w=>w.name,set:(w,T)=>{w.name=T}},metadata:B},m,n),tt(this,null,r,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:w=>"url"in w,get:w=>w.url,set:(w,T)=>{w.url=T}},metadata:B},_,v),tt(this,null,f,{kind:"accessor",name:"online",static:!1,private:!1,access:{has:w=>"online"in w,get:w=>w.online,set:(w,T)=>{w.online=T}},metadata:B},c,l),tt(this,null,d,{kind:"accessor",name:"members",static:!1,private:!1,access:{has:w=>"members"in w,get:w=>w.members,set:(w,T)=>{w.members=T}},metadata:B},j,H),tt(this,null,G,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:w=>"verified"in w,get:w=>w.verified,set:(w,T)=>{w.verified=T}},metadata:B},x,y),tt(this,null,L,{kind:"accessor",name:"partnered",static:!1,private:!1,access:{has:w=>"partnered"in w,get:w=>w.partnered,set:(w,T)=>{w.partnered=T}},metadata:B},V,k),tt(this,null,C,{kind:"accessor",name:"inviteTitle",static:!1,private:!1,access:{has:w=>"inviteTitle"in w,get:w=>w.inviteTitle,set:(w,T)=>{w.inviteTitle=T}},metadata:B},P,se),tt(this,null,pe,{kind:"accessor",name:"joinBtn",static:!1,private:!1,access:{has:w=>"joinBtn"in w,get:w=>w.joinBtn,set:(w,T)=>{w.joinBtn=T}},metadata:B},q,$),tt(this,null,re,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:w=>"lightTheme"in w,get:w=>w.lightTheme,set:(w,T)=>{w.lightTheme=T}},metadata:B},X,Y),tt(null,t={value:e},i,{kind:"class",name:e.name,metadata:B},null,s),le=e=t.value,B&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:B})}static styles=R`
		:host {
			background-color: #2f3136;
			border-radius: 4px;
			padding: 16px;
			max-width: 432px;
			min-width: 160px;
			width: 100%;
			box-sizing: border-box;
			display: flex;
			flex-direction: column;
		}

		:host([light-theme]) {
			background-color: #f2f3f5;
		}

		:host .discord-invite-header {
			font-weight: 700;
			font-size: 12px;
			line-height: 16px;
			margin-bottom: 12px;
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
			text-transform: uppercase;
			color: #b9bbbe;
		}

		:host([light-theme]) .discord-invite-header {
			color: #4f5660;
		}

		:host .discord-invite-root {
			display: flex;
			flex-flow: row wrap;
			gap: 16px;
		}

		:host .discord-invite-icon {
			background-color: #36393f;
			border-radius: 15px;
			margin-right: 16px;
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			width: 50px;
			height: 50px;
		}

		:host([light-theme]) .discord-invite-icon {
			background-color: #fff;
		}

		:host .discord-invite-info {
			font-family: 'gg sans', 'Noto Sans', WhitneyMedium, Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
			display: flex;
			flex: 1000 0 auto;
			align-items: center;
			max-width: 100%;
			display: flex;
		}

		.discord-invite-info-text-ellipsis {
			overflow: hidden;
			text-overflow: ellipsis;
		}

		:host .discord-invite-title {
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
			margin-bottom: 2px;
			color: white;
			font-size: 16px;
			line-height: 20px;
			font-weight: 700;
			display: flex;
			flex-direction: row;
		}

		:host([light-theme]) .discord-invite-title {
			color: #060607;
		}

		:host .discord-invite-name {
			flex: 1 1 auto;
			overflow: hidden;
			text-overflow: ellipsis;
			white-space: nowrap;
		}

		:host .discord-invite-counts {
			display: flex;
			align-items: center;
			flex-wrap: wrap;
			font-size: 14px;
			font-weight: 600;
			text-overflow: ellipsis;
			overflow: hidden;
			color: #b9bbbe;
			line-height: 16px;
		}

		:host .discord-invite-counts-info {
			text-overflow: ellipsis;
			overflow: hidden;
			display: flex;
			align-items: center;
		}

		:host .discord-invite-status {
			display: block;
			margin-right: 4px;
			width: 8px;
			height: 8px;
			border-radius: 50%;
			background-color: #747f8d;
		}

		:host .discord-invite-status-online {
			background-color: #3ba55d;
		}

		:host .discord-invite-count {
			-webkit-box-flex: 0;
			-ms-flex: 0 1 auto;
			flex: 0 1 auto;
			margin-right: 8px;
			color: #b9bbbe;
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
		}

		:host .discord-invite-join {
			display: flex;
			justify-content: center;
			align-items: center;
			height: 40px;
			padding: 0 20px;
			align-self: center;
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			line-height: 20px;
			border-radius: 3px;
			font-size: 14px;
			font-weight: 600;
			color: white !important;
			background-color: #3ba55d;
			-webkit-transition: background-color 0.17s ease;
			transition: background-color 0.17s ease;
			text-decoration: none;
			box-sizing: border-box;
			flex: 1 0 auto;
		}

		:host .discord-invite-join:hover {
			background-color: #2d7d46;
		}

		:host .discord-invite-badge {
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			margin-right: 8px;
			width: 16px;
			height: 16px;
			align-self: center;
			position: relative;
		}

		:host .discord-invite-badge-verified {
			color: #3ba55d;
		}

		:host .discord-invite-badge-partnered {
			color: #5865f2;
		}

		:host .discord-invite-badge-container {
			position: absolute;
			top: -0.05px;
			left: 0.05px;
			right: 0;
			bottom: 0;
			display: flex;
			align-items: center;
			justify-content: center;
			pointer-events: none;
			color: white;
		}

		:host([light-theme]) .discord-invite-counts,
		:host([light-theme]) .discord-invite-count {
			color: #4f5660;
		}
	`;#e=Me(this,o,bi.blue);get icon(){return this.#e}set icon(B){this.#e=B}#t=(Me(this,h),Me(this,m,"Discord Server"));get name(){return this.#t}set name(B){this.#t=B}#i=(Me(this,n),Me(this,_,void 0));get url(){return this.#i}set url(B){this.#i=B}#s=(Me(this,v),Me(this,c,0));get online(){return this.#s}set online(B){this.#s=B}#a=(Me(this,l),Me(this,j,0));get members(){return this.#a}set members(B){this.#a=B}#r=(Me(this,H),Me(this,x,!1));get verified(){return this.#r}set verified(B){this.#r=B}#o=(Me(this,y),Me(this,V,!1));get partnered(){return this.#o}set partnered(B){this.#o=B}#l=(Me(this,k),Me(this,P,"You've been invited to join a server"));get inviteTitle(){return this.#l}set inviteTitle(B){this.#l=B}#n=(Me(this,se),Me(this,q,"Join"));get joinBtn(){return this.#n}set joinBtn(B){this.#n=B}#c=(Me(this,$),Me(this,X,!1));get lightTheme(){return this.#c}set lightTheme(B){this.#c=B}render(){return u`<div class="discord-invite-header">${this.inviteTitle}</div>
			<div class="discord-invite-root">
				<div class="discord-invite-info">
					<img class="discord-invite-icon" src=${Q(this.icon)} alt=${Q(this.name)} />
					<div class="discord-invite-info-text-ellipsis">
						<div class="discord-invite-title">
							${I(this.verified&&!this.partnered||!this.verified&&this.partnered,()=>u`<div class="discord-invite-badge">
										${ra({"aria-label":this.partnered?"Discord Partner":"Verified",class:`discord-invite-badge-${this.partnered?"partnered":"verified"}`})}
										<div class="discord-invite-badge-container">
											${this.partnered?oa():la()}
										</div>
									</div>`)}
							<span class="discord-invite-name">${this.name}</span>
						</div>
						<div class="discord-invite-counts">
							<div class="discord-invite-counts-info">
								<i class="discord-invite-status discord-invite-status-online"></i>
								<span class="discord-invite-count">${this.online.toLocaleString()} Online</span>
							</div>
							<div class="discord-invite-counts-info">
								<i class="discord-invite-status"></i>
								<span class="discord-invite-count">${this.members.toLocaleString()} Members</span>
							</div>
						</div>
					</div>
				</div>
				<a class="discord-invite-join" href=${Q(this.url)} target="_blank" rel="noopener noreferrer">${this.joinBtn}</a>
			</div>`}constructor(){super(...arguments),Me(this,Y)}static{Me(e,s)}};return le=e})();var ul=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},vl=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},gl=(()=>{let i=[Z("discord-italic")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;ul(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host > em {
			font-style: italic;
		}
	`;render(){return u`
			<em>
				<slot></slot>
			</em>
		`}static{vl(e,s)}};return p=e})();var _l=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},bl=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},yl=(()=>{let i=[Z("discord-list-item")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;_l(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host > li {
			margin-bottom: 4px;
		}
	`;checkParentElement(){if(this.parentElement?.tagName.toLowerCase()!=="discord-unordered-list"&&this.parentElement?.tagName.toLowerCase()!=="discord-ordered-list")throw new $e("All <discord-list-item> components must be direct children of <discord-unordered-list> or <discord-ordered-list>.")}render(){return this.checkParentElement(),u`<li><slot></slot></li>`}static{bl(e,s)}};return p=e})();function xl(i){return i.startsWith("#")?i.slice(1):i}function zl(i){let t=i.length===3||i.length===4,s=t?`${i.slice(0,1)}${i.slice(0,1)}`:i.slice(0,2),e=t?`${i.slice(1,2)}${i.slice(1,2)}`:i.slice(2,4),a=t?`${i.slice(2,3)}${i.slice(2,3)}`:i.slice(4,6),p=(t?`${i.slice(3,4)}${i.slice(3,4)}`:i.slice(6,8))||"ff";return{r:s,g:e,b:a,a:p}}function js(i){return Number.parseInt(i,16)}function wl({r:i,g:t,b:s,a:e}){return{r:js(i),g:js(t),b:js(s),a:Number((js(e)/255).toFixed(2))}}function kl(i){return typeof i=="number"||typeof i=="string"&&Number.isFinite(Number(i))}function Ml(i,t){let{r:s,g:e,b:a,a:p}=i,o=kl(t)?t:p;return`rgba(${s}, ${e}, ${a}, ${o})`}function Es(i,t){let s=xl(i),e=zl(s),a=wl(e);return Ml(a,t)}var Tl=E`
	<path
		fill-rule="evenodd"
		clip-rule="evenodd"
		fill="currentColor"
		d="M18.5 23c.88 0 1.7-.25 2.4-.69l1.4 1.4a1 1 0 0 0 1.4-1.42l-1.39-1.4A4.5 4.5 0 1 0 18.5 23Zm0-2a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
	/>
	<path
		fill="currentColor"
		d="M3 3a1 1 0 0 0 0 2h18a1 1 0 1 0 0-2H3ZM2 8a1 1 0 0 1 1-1h18a1 1 0 1 1 0 2H3a1 1 0 0 1-1-1ZM3 11a1 1 0 1 0 0 2h11a1 1 0 1 0 0-2H3ZM2 16a1 1 0 0 1 1-1h8a1 1 0 1 1 0 2H3a1 1 0 0 1-1-1ZM3 19a1 1 0 1 0 0 2h8a1 1 0 1 0 0-2H3Z"
	/>
`;function na(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-label="Browse Channels"
		aria-hidden="false"
		role="img"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Tl}
	</svg>`}var Cl=E`
	<path
		fill="currentColor"
		d="M21.487 5.126L12.487 0.126C12.184 -0.042 11.818 -0.042 11.515 0.126L2.51498 5.126C2.19798 5.302 2.00098 5.636 2.00098 5.999C2.00098 6.693 2.11498 22.999 12.001 22.999C21.887 22.999 22.001 6.693 22.001 5.999C22.001 5.636 21.804 5.302 21.487 5.126ZM12.001 5.999C13.382 5.999 14.501 7.118 14.501 8.499C14.501 9.88 13.382 10.999 12.001 10.999C10.62 10.999 9.50098 9.88 9.50098 8.499C9.50098 7.118 10.62 5.999 12.001 5.999ZM8.25098 16C8.25098 13.699 9.69998 12.25 12.001 12.25C14.302 12.25 15.751 13.699 15.751 16H8.25098Z"
	/>
`;function ca(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-label="Customise Community"
		aria-hidden="false"
		role="img"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${Cl}
	</svg>`}var $l=E`
	<path
		d="M11 3a1 1 0 1 1 2 0v2h5.75c.16 0 .3.07.4.2l2.63 3.5a.5.5 0 0 1 0 .6l-2.63 3.5a.5.5 0 0 1-.4.2H13v5h2a2 2 0 0 1 2 2v1a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1v-1c0-1.1.9-2 2-2h2v-5H2.8a.5.5 0 0 1-.44-.72L3.9 9.22a.5.5 0 0 0 0-.44L2.36 5.72A.5.5 0 0 1 2.81 5H11V3Z"
		fill="currentColor"
	/>
`;function ha(i={}){return u`<svg
		${D(i)}
		class="discord-mention-icon"
		aria-label="Server Guide"
		aria-hidden="false"
		role="img"
		width="24"
		height="24"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${$l}
	</svg>`}var Vi=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},pt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},jl=(()=>{let i=[Z("discord-mention")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[];var d=class extends a{static{e=this}static{let j=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean,reflect:!0})],g=[b({reflect:!0})],r=[b({reflect:!0})],f=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Vi(this,null,p,{kind:"accessor",name:"highlight",static:!1,private:!1,access:{has:H=>"highlight"in H,get:H=>H.highlight,set:(H,G)=>{H.highlight=G}},metadata:j},o,h),Vi(this,null,g,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:H=>"type"in H,get:H=>H.type,set:(H,G)=>{H.type=G}},metadata:j},m,n),Vi(this,null,r,{kind:"accessor",name:"color",static:!1,private:!1,access:{has:H=>"color"in H,get:H=>H.color,set:(H,G)=>{H.color=G}},metadata:j},_,v),Vi(this,null,f,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:H=>"lightTheme"in H,get:H=>H.lightTheme,set:(H,G)=>{H.lightTheme=G}},metadata:j},c,l),Vi(null,t={value:e},i,{kind:"class",name:e.name,metadata:j},null,s),d=e=t.value,j&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:j})}static styles=R`
		:host {
			color: #e3e7f8;
			background-color: hsla(235, 85.6%, 64.7%, 0.3);
			font-weight: 500;
			padding: 0 2px;
			border-radius: 3px;
			unicode-bidi: -moz-plaintext;
			unicode-bidi: plaintext;
			-webkit-transition:
				background-color 50ms ease-out,
				color 50ms ease-out;
			transition:
				background-color 50ms ease-out,
				color 50ms ease-out;
			cursor: pointer;
		}

		:host([type='role']) {
			background-color: rgba(#e3e7f8, 0.1);
		}

		:host([type='channel']) {
			position: relative;
		}

		:host([type='voice']),
		:host([type='locked']),
		:host([type='thread']),
		:host([type='forum']) {
			position: relative;
		}

		:host(:hover) {
			color: #fff;
			background-color: hsl(235, 85.6%, 64.7%);
		}

		:host([highlight][type='user']:hover) {
			text-decoration: underline;
			text-underline-offset: 1px;
		}

		:host([light-theme]) {
			color: #5865f2;
			background-color: hsla(235, 85.6%, 64.7%, 0.15);
		}

		:host([light-theme]:hover) {
			color: #ffffff;
			background-color: hsl(235, 85.6%, 64.7%);
		}

		.discord-mention-icon {
			width: 1rem;
			height: 1rem;
			margin-right: 4px;
			vertical-align: middle;
			margin-bottom: 0.2rem;
		}

		.no-wrap {
			white-space: nowrap;
		}
	`;#e=pt(this,o,!1);get highlight(){return this.#e}set highlight(j){this.#e=j}#t=(pt(this,h),pt(this,m,"user"));get type(){return this.#t}set type(j){this.#t=j}#i=(pt(this,n),pt(this,_,void 0));get color(){return this.#i}set color(j){this.#i=j}setHoverColor=(pt(this,v),()=>{this.color&&(this.style.backgroundColor=Es(this.color,.3))});resetHoverColor=()=>{this.color&&(this.style.backgroundColor=Es(this.color,.1))};#s=pt(this,c,!1);get lightTheme(){return this.#s}set lightTheme(j){this.#s=j}connectedCallback(){super.connectedCallback(),this.color&&this.type==="role"&&(this.addEventListener("mouseover",this.setHoverColor),this.addEventListener("mouseout",this.resetHoverColor))}disconnectedCallback(){this.removeEventListener("mouseover",this.setHoverColor),this.removeEventListener("mouseout",this.resetHoverColor),super.disconnectedCallback()}willUpdate(){this.color&&(this.style.color=this.color,this.type==="role"&&(this.style.backgroundColor=Es(this.color,.1)))}render(){return u`<span class="no-wrap"
				>${oi(this.type,[["channel",()=>xi()],["user",()=>u`@`],["role",()=>u`@`],["voice",()=>ki()],["locked",()=>wi()],["thread",()=>zi()],["forum",()=>yi()],["server-guide",()=>ha()],["channels-and-roles",()=>na()],["customize-community",()=>ca()],["slash",()=>u`/`]])}</span
			><slot></slot>`}constructor(){super(...arguments),pt(this,l)}static{pt(e,s)}};return d=e})();var El=E`
 	<path 
		fill="currentColor" 
 		d="M15.56 11.77c.2-.1.44.02.44.23a4 4 0 1 1-4-4c.21 0 .33.25.23.44a2.5 2.5 0 0 0 3.32 3.32Z"
 	/>
  	<path 
		fill="currentColor" 
  		fill-rule="evenodd" 
  		d="M22.89 11.7q.105.3 0 .6C22.27 13.9 19.1 21 12 21c-7.11 0-10.27-7.11-10.89-8.7a.83.83 0 0 1 0-.6C1.73 10.1 4.9 3 12 3c7.11 0 10.27 7.11 10.89 8.7m-4.5-3.62A15.1 15.1 0 0 1 20.85 12c-.38.88-1.18 2.47-2.46 3.92C16.87 17.62 14.8 19 12 19s-4.87-1.38-6.39-3.08A15.1 15.1 0 0 1 3.15 12c.38-.88 1.18-2.47 2.46-3.92C7.13 6.38 9.2 5 12 5s4.87 1.38 6.39 3.08" 
  		clip-rule="evenodd"
  	/>
`;function da(i={}){return u`<svg
		${D(i)}
		class="discord-message-ephemeral-icon"
		aria-hidden="false"
		width="16"
		height="16"
		viewBox="0 0 24 24"
		xmlns="http://www.w3.org/2000/svg"
	>
		${El}
	</svg>`}var xe=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ce=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Dl=(()=>{let i=[Z("discord-message")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[],le,B=[],w=[],T,N=[],he=[],ze,O=[],z=[],ee,ae=[],U=[],ue,ut=[],vt=[],gt,_t=[],bt=[],yt,xt=[],zt=[],wt,kt=[],Mt=[],Tt,te=[],A=[],oe,ot=[],Ct=[],Lt,K=[],S=[],de,Ni=[],ci=[],Ne,Pi=[],Ia=[],Oa,Na=[],Pa=[];var Ba=class extends a{static{e=this}static{let W=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b()],f=[b({type:Boolean})],d=[b({type:Boolean})],G=[b({type:Boolean,attribute:"official-app"})],L=[b({type:Boolean})],C=[b({type:Boolean})],pe=[b({type:Boolean})],re=[b({attribute:"role-color"})],le=[b({attribute:"role-icon"})],T=[b({attribute:"role-name"})],ze=[b({attribute:"clan-icon"})],ee=[b({attribute:"clan-tag"})],ue=[b({type:Boolean,reflect:!0})],gt=[b({type:Boolean,reflect:!0})],yt=[b({type:String,converter:M=>Ht(M,!1,!1),attribute:!0})],wt=[b({type:Boolean,attribute:"twenty-four"})],Tt=[b({type:Boolean,attribute:"message-body-only"})],oe=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Lt=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],de=[ie({context:Ys}),b({type:Boolean,reflect:!0,attribute:"no-background"})],Ne=[b({type:Boolean,reflect:!0,attribute:"has-thread"})],Oa=[b({reflect:!1,attribute:"dismiss-message-clicked"})],xe(this,null,p,{kind:"accessor",name:"profile",static:!1,private:!1,access:{has:M=>"profile"in M,get:M=>M.profile,set:(M,J)=>{M.profile=J}},metadata:W},o,h),xe(this,null,g,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:M=>"author"in M,get:M=>M.author,set:(M,J)=>{M.author=J}},metadata:W},m,n),xe(this,null,r,{kind:"accessor",name:"avatar",static:!1,private:!1,access:{has:M=>"avatar"in M,get:M=>M.avatar,set:(M,J)=>{M.avatar=J}},metadata:W},_,v),xe(this,null,f,{kind:"accessor",name:"bot",static:!1,private:!1,access:{has:M=>"bot"in M,get:M=>M.bot,set:(M,J)=>{M.bot=J}},metadata:W},c,l),xe(this,null,d,{kind:"accessor",name:"server",static:!1,private:!1,access:{has:M=>"server"in M,get:M=>M.server,set:(M,J)=>{M.server=J}},metadata:W},j,H),xe(this,null,G,{kind:"accessor",name:"officialApp",static:!1,private:!1,access:{has:M=>"officialApp"in M,get:M=>M.officialApp,set:(M,J)=>{M.officialApp=J}},metadata:W},x,y),xe(this,null,L,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:M=>"verified"in M,get:M=>M.verified,set:(M,J)=>{M.verified=J}},metadata:W},V,k),xe(this,null,C,{kind:"accessor",name:"op",static:!1,private:!1,access:{has:M=>"op"in M,get:M=>M.op,set:(M,J)=>{M.op=J}},metadata:W},P,se),xe(this,null,pe,{kind:"accessor",name:"edited",static:!1,private:!1,access:{has:M=>"edited"in M,get:M=>M.edited,set:(M,J)=>{M.edited=J}},metadata:W},q,$),xe(this,null,re,{kind:"accessor",name:"roleColor",static:!1,private:!1,access:{has:M=>"roleColor"in M,get:M=>M.roleColor,set:(M,J)=>{M.roleColor=J}},metadata:W},X,Y),xe(this,null,le,{kind:"accessor",name:"roleIcon",static:!1,private:!1,access:{has:M=>"roleIcon"in M,get:M=>M.roleIcon,set:(M,J)=>{M.roleIcon=J}},metadata:W},B,w),xe(this,null,T,{kind:"accessor",name:"roleName",static:!1,private:!1,access:{has:M=>"roleName"in M,get:M=>M.roleName,set:(M,J)=>{M.roleName=J}},metadata:W},N,he),xe(this,null,ze,{kind:"accessor",name:"clanIcon",static:!1,private:!1,access:{has:M=>"clanIcon"in M,get:M=>M.clanIcon,set:(M,J)=>{M.clanIcon=J}},metadata:W},O,z),xe(this,null,ee,{kind:"accessor",name:"clanTag",static:!1,private:!1,access:{has:M=>"clanTag"in M,get:M=>M.clanTag,set:(M,J)=>{M.clanTag=J}},metadata:W},ae,U),xe(this,null,ue,{kind:"accessor",name:"highlight",static:!1,private:!1,access:{has:M=>"highlight"in M,get:M=>M.highlight,set:(M,J)=>{M.highlight=J}},metadata:W},ut,vt),xe(this,null,gt,{kind:"accessor",name:"ephemeral",static:!1,private:!1,access:{has:M=>"ephemeral"in M,get:M=>M.ephemeral,set:(M,J)=>{M.ephemeral=J}},metadata:W},_t,bt),xe(this,null,yt,{kind:"accessor",name:"timestamp",static:!1,private:!1,access:{has:M=>"timestamp"in M,get:M=>M.timestamp,set:(M,J)=>{M.timestamp=J}},metadata:W},xt,zt),xe(this,null,wt,{kind:"accessor",name:"twentyFour",static:!1,private:!1,access:{has:M=>"twentyFour"in M,get:M=>M.twentyFour,set:(M,J)=>{M.twentyFour=J}},metadata:W},kt,Mt),xe(this,null,Tt,{kind:"accessor",name:"messageBodyOnly",static:!1,private:!1,access:{has:M=>"messageBodyOnly"in M,get:M=>M.messageBodyOnly,set:(M,J)=>{M.messageBodyOnly=J}},metadata:W},te,A),xe(this,null,oe,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:M=>"lightTheme"in M,get:M=>M.lightTheme,set:(M,J)=>{M.lightTheme=J}},metadata:W},ot,Ct),xe(this,null,Lt,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:M=>"compactMode"in M,get:M=>M.compactMode,set:(M,J)=>{M.compactMode=J}},metadata:W},K,S),xe(this,null,de,{kind:"accessor",name:"noBackground",static:!1,private:!1,access:{has:M=>"noBackground"in M,get:M=>M.noBackground,set:(M,J)=>{M.noBackground=J}},metadata:W},Ni,ci),xe(this,null,Ne,{kind:"accessor",name:"hasThread",static:!1,private:!1,access:{has:M=>"hasThread"in M,get:M=>M.hasThread,set:(M,J)=>{M.hasThread=J}},metadata:W},Pi,Ia),xe(this,null,Oa,{kind:"accessor",name:"dismissMessageClicked",static:!1,private:!1,access:{has:M=>"dismissMessageClicked"in M,get:M=>M.dismissMessageClicked,set:(M,J)=>{M.dismissMessageClicked=J}},metadata:W},Na,Pa),xe(null,t={value:e},i,{kind:"class",name:e.name,metadata:W},null,s),Ba=e=t.value,W&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:W})}static styles=R`
		:host {
			color: #dcddde;
			display: flex;
			flex-direction: column;
			font-size: 0.9em;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;

			position: relative;
			word-wrap: break-word;
			-webkit-user-select: text;
			-moz-user-select: text;
			-ms-user-select: text;
			user-select: text;
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			min-height: 1.375rem;
			padding-left: 1em;
			padding-right: 48px;
			margin-top: inherit;
			margin-bottom: inherit;
			line-height: 16px;
		}

		.discord-message-inner {
			display: flex;
			position: relative;
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
		}

		.discord-message-inner-center {
			align-items: center;
		}

		:host([message-body-only]) {
			margin-top: 0px !important;
			padding-top: 0.125rem !important;
			padding-bottom: 0.0625rem !important;
		}

		:host([highlight]),
		:host([ephemeral]) {
			padding-right: 5px;
			position: relative;
		}

		:host([highlight])::before,
		:host([ephemeral])::before {
			content: '';
			position: absolute;
			display: block;
			top: 0;
			left: 0;
			bottom: 0;
			pointer-events: none;
			width: 2px;
		}

		:host([highlight]) {
			background-color: rgba(250, 166, 26, 0.1);
		}

		:host([highlight][light-theme]) {
			background-color: rgba(250, 166, 26, 0.1);
		}

		:host([highlight])::before {
			background-color: #faa61a;
		}

		:host([light-theme][highlight])::before {
			background-color: #af7615;
		}

		:host([ephemeral]) {
			background-color: rgba(88, 101, 242, 0.05);
		}

		:host([ephemeral]:hover) {
			background-color: rgba(88, 101, 242, 0.1);
		}

		:host([ephemeral])::before {
			background-color: #5865f2;
		}

		:host([light-theme]) {
			color: #2e3338;
			border-color: #eceeef;
		}

		.discord-author-avatar {
			margin-right: 16px;
			margin-top: 5px;
			min-width: 40px;
			z-index: 1;
			display: flex;
		}

		.discord-author-avatar img {
			width: 40px;
			height: 40px;
			border-radius: 50%;
			cursor: pointer;
		}

		.discord-message-timestamp {
			color: #72767d;
			font-size: 12px;
			margin-left: 3px;
		}

		.discord-message-body-only-indent {
			width: 56px;
		}

		:host(:hover) .discord-message-timestamp-hover::before {
			content: attr(datetime);
		}

		:host([light-theme]) .discord-message-timestamp {
			color: #747f8d;
		}

		.discord-message-edited {
			color: #72767d;
			font-size: 10px;
		}

		:host([light-theme]) .discord-message-edited {
			color: #99aab5;
		}

		.discord-message-content {
			width: 100%;
			line-height: 160%;
			font-weight: normal;
			padding-top: 2px;
		}

		.discord-message-body {
			font-size: 1rem;
			font-weight: 400;
			word-break: break-word;
			position: relative;
		}

		:host([light-theme]) .discord-message-timestamp,
		:host([compact-mode]) .discord-message:hover .discord-message-timestamp {
			color: #99aab5;
		}

		:host([light-theme][compact-mode]).discord-message-timestamp {
			color: #d1d9de;
		}

		:host([compact-mode]) .discord-message-timestamp {
			display: inline-block;
			width: 3.1rem;
			text-align: right;
			font-size: 0.6875rem;
			line-height: 1.375rem;
			margin-right: 0.375rem;
			margin-left: 0;
			text-indent: 0;
		}

		:host([compact-mode]) .discord-message-body {
			line-height: 1.375rem;
			padding-left: 10px;
			margin-left: -6px;
		}

		:host([compact-mode]) .discord-message-compact-indent {
			padding-left: 10px;
		}

		:host .discord-message-markup {
			font-size: 1rem;
			line-height: 1.375rem;
			word-wrap: break-word;
			user-select: text;
			font-weight: 400;
			display: inline;
		}

		:host(:hover) {
			background-color: hsl(0 calc(1 * 0%) 0.8%/0.03);
		}

		:host([highlight]:hover) {
			background-color: hsl(40 calc(1 * 86.4%) 56.9%/0.08);
		}

		:host([has-thread]):after {
			width: 2rem;
			left: 2.2rem;
			top: 4.8rem;
			border-left: 2px solid #4f545c !important;
			border-bottom: 2px solid #4f545c !important;
			border-bottom-left-radius: 8px !important;
			bottom: 29px;
			content: '';
			position: absolute;
		}

		:host([light-theme][has-Thread]):after {
			border-color: #747f8d !important;
		}

		.discord-message-ephemeral {
			margin-top: 4px;
			font-size: 12px;
			font-weight: 400;
			color: #72767d;
		}

		:host([light-theme]) .discord-message-ephemeral {
			color: #747f8d;
		}

		.discord-message-ephemeral .discord-message-ephemeral-link {
			color: #00aff4;
			font-weight: 500;
			cursor: pointer;
		}

		.discord-message-ephemeral .discord-message-ephemeral-link:hover {
			text-decoration: underline;
		}

		.discord-message-ephemeral .discord-message-ephemeral-icon {
			margin-right: 4px;
			vertical-align: text-bottom;
		}
	`;#e=ce(this,o,void 0);get profile(){return this.#e}set profile(W){this.#e=W}#t=(ce(this,h),ce(this,m,"User"));get author(){return this.#t}set author(W){this.#t=W}#i=(ce(this,n),ce(this,_,void 0));get avatar(){return this.#i}set avatar(W){this.#i=W}#s=(ce(this,v),ce(this,c,!1));get bot(){return this.#s}set bot(W){this.#s=W}#a=(ce(this,l),ce(this,j,!1));get server(){return this.#a}set server(W){this.#a=W}#r=(ce(this,H),ce(this,x,!1));get officialApp(){return this.#r}set officialApp(W){this.#r=W}#o=(ce(this,y),ce(this,V,!1));get verified(){return this.#o}set verified(W){this.#o=W}#l=(ce(this,k),ce(this,P,!1));get op(){return this.#l}set op(W){this.#l=W}#n=(ce(this,se),ce(this,q,!1));get edited(){return this.#n}set edited(W){this.#n=W}#c=(ce(this,$),ce(this,X,void 0));get roleColor(){return this.#c}set roleColor(W){this.#c=W}#h=(ce(this,Y),ce(this,B,void 0));get roleIcon(){return this.#h}set roleIcon(W){this.#h=W}#d=(ce(this,w),ce(this,N,void 0));get roleName(){return this.#d}set roleName(W){this.#d=W}#m=(ce(this,he),ce(this,O,void 0));get clanIcon(){return this.#m}set clanIcon(W){this.#m=W}#p=(ce(this,z),ce(this,ae,void 0));get clanTag(){return this.#p}set clanTag(W){this.#p=W}#f=(ce(this,U),ce(this,ut,!1));get highlight(){return this.#f}set highlight(W){this.#f=W}#u=(ce(this,vt),ce(this,_t,!1));get ephemeral(){return this.#u}set ephemeral(W){this.#u=W}#v=(ce(this,bt),ce(this,xt,new Date));get timestamp(){return this.#v}set timestamp(W){this.#v=W}#g=(ce(this,zt),ce(this,kt,!1));get twentyFour(){return this.#g}set twentyFour(W){this.#g=W}#_=(ce(this,Mt),ce(this,te,!1));get messageBodyOnly(){return this.#_}set messageBodyOnly(W){this.#_=W}#b=(ce(this,A),ce(this,ot,!1));get lightTheme(){return this.#b}set lightTheme(W){this.#b=W}#y=(ce(this,Ct),ce(this,K,!1));get compactMode(){return this.#y}set compactMode(W){this.#y=W}#x=(ce(this,S),ce(this,Ni,!1));get noBackground(){return this.#x}set noBackground(W){this.#x=W}#z=(ce(this,ci),ce(this,Pi,!1));get hasThread(){return this.#z}set hasThread(W){this.#z=W}#w=(ce(this,Ia),ce(this,Na,()=>{}));get dismissMessageClicked(){return this.#w}set dismissMessageClicked(W){this.#w=W}willUpdate(){this.hasThread=Array.from(this.children).some(W=>W.tagName.toLowerCase()==="discord-thread"),this.highlight=this.highlight||Array.from(this.children).some(W=>W.tagName.toLowerCase()==="discord-mention"&&W.hasAttribute("highlight")&&(W.type==="user"||W.type==="role"))}handleSpaceToDismissMessage(W){W.code==="Space"&&(W.preventDefault(),W.stopPropagation(),this.dismissMessageClicked?.())}render(){let W={author:this.author,bot:this.bot,officialApp:this.officialApp,verified:this.verified,server:this.server,op:this.op,roleColor:this.roleColor,roleIcon:this.roleIcon,clanIcon:this.clanIcon,clanTag:this.clanTag,roleName:this.roleName},M=this.profile!==void 0&&Reflect.get(Qe,this.profile)||{},J={...W,...M,avatar:this.resolveAvatar(M.avatar??this.avatar)},hi=Ht(this.timestamp,this.compactMode,this.twentyFour)??void 0;return u`
			<slot name="reply"></slot>
			<div
				class=${fe({"discord-message-inner":!0,"discord-message-inner-center":this.messageBodyOnly})}
			>
				${I(this.compactMode&&!this.messageBodyOnly,()=>u`<time datetime="${Q(hi)}" class="discord-message-timestamp">${hi}</time>`,()=>null)}
				${I(this.messageBodyOnly,()=>u`<time
							datetime="${Q(hi)}"
							class=${fe({"discord-message-timestamp":!0,"discord-message-timestamp-hover":!0,"discord-message-body-only-indent":!this.compactMode})}
						></time>`,()=>null)}
				${I(this.compactMode||this.messageBodyOnly,()=>null,()=>u`<div class="discord-author-avatar">
							<img src="${Q(J.avatar)}" alt="${Q(J.author)}" />
						</div>`)}

				<div class="discord-message-content">
					${I(this.compactMode||this.messageBodyOnly,()=>null,()=>u`
							<discord-author-info
								author=${J.author??""}
								?bot=${J.bot??!1}
								?server=${J.server??!1}
								?official-app=${J.officialApp??!1}
								?verified=${J.verified??!1}
								?op=${J.op??!1}
								role-color=${J.roleColor??""}
								role-icon=${J.roleIcon??""}
								role-name=${J.roleName??""}
								clan-icon=${J.clanIcon??""}
								clan-tag=${J.clanTag??""}
							></discord-author-info
							><time datetime="${Q(hi)}" class="discord-message-timestamp">${hi}</time>
						`)}
					<div class="discord-message-body">
						${I(this.compactMode,()=>u`<discord-author-info
									author=${J.author??""}
									?bot=${J.bot??!1}
									?server=${J.server??!1}
									?official-app=${J.officialApp??!1}
									?verified=${J.verified??!1}
									?op=${J.op??!1}
									role-color=${J.roleColor??""}
									role-icon=${J.roleIcon??""}
									role-name=${J.roleName??""}
									clan-icon=${J.clanIcon??""}
									clan-tag=${J.clanTag??""}
								></discord-author-info>`,()=>null)}<span class="discord-message-markup"><slot></slot></span>
						${I(this.edited,()=>u`<span class="discord-message-edited">(edited)</span>`,()=>null)}
					</div>
					<div class="discord-message-compact-indent">
						<slot name="attachments"></slot>
						<slot name="embeds"></slot>
						<slot name="components"></slot>
						<slot name="reactions"></slot>
						<slot name="thread"></slot>
						${I(this.ephemeral,()=>u`
								<div class="discord-message-ephemeral">
									${da()} Only you can see this •
									<span
										role="button"
										class="discord-message-ephemeral-link"
										@click=${this.dismissMessageClicked}
										@keydown=${this.handleSpaceToDismissMessage}
										>Dismiss message</span
									>
								</div>
							`,()=>null)}
					</div>
				</div>
			</div>
		`}resolveAvatar(W){return W===void 0?He.default:He[W]??W??He.default}constructor(){super(...arguments),ce(this,Pa)}static{ce(e,s)}};return Ba=e})();var Hl=E`
	<path fill="currentColor" d="M17.3 18.7a1 1 0 0 0 1.4-1.4L13.42 12l5.3-5.3a1 1 0 0 0-1.42-1.4L12 10.58l-5.3-5.3a1 1 0 0 0-1.4 1.42L10.58 12l-5.3 5.3a1 1 0 1 0 1.42 1.4L12 13.42l5.3 5.3Z"></path>
`;function ma(i={}){return u`<svg ${D(i)} aria-hidden="false" aria-label="Close" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">
		${Hl}
	</svg>`}var Sl=E`
	<circle cx="12" cy="12" r="10" fill="transparent"></circle>
	<path fill="color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%)" fill-rule="evenodd" d="M12 23a11 11 0 1 0 0-22 11 11 0 0 0 0 22Zm1.44-15.94L13.06 14a1.06 1.06 0 0 1-2.12 0l-.38-6.94a1 1 0 0 1 1-1.06h.88a1 1 0 0 1 1 1.06Zm-.19 10.69a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0Z" clip-rule="evenodd"></path>
`;function pa(i={}){return u`<svg ${D(i)} aria-hidden="false" aria-label="Warning" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">
		${Sl}
	</svg>`}var rt=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ee=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ll=(()=>{let i=[Z("discord-modal")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[];var re=class extends a{static{e=this}static{let X=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b()],f=[b({reflect:!0,attribute:"modal-id"})],d=[b({reflect:!0,attribute:"modal-title"})],G=[b({reflect:!1,noAccessor:!0,attribute:!1})],L=[b({reflect:!1,noAccessor:!0,attribute:!1})],C=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],pe=[De()],rt(this,null,p,{kind:"accessor",name:"profile",static:!1,private:!1,access:{has:Y=>"profile"in Y,get:Y=>Y.profile,set:(Y,le)=>{Y.profile=le}},metadata:X},o,h),rt(this,null,g,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:Y=>"author"in Y,get:Y=>Y.author,set:(Y,le)=>{Y.author=le}},metadata:X},m,n),rt(this,null,r,{kind:"accessor",name:"avatar",static:!1,private:!1,access:{has:Y=>"avatar"in Y,get:Y=>Y.avatar,set:(Y,le)=>{Y.avatar=le}},metadata:X},_,v),rt(this,null,f,{kind:"accessor",name:"modalId",static:!1,private:!1,access:{has:Y=>"modalId"in Y,get:Y=>Y.modalId,set:(Y,le)=>{Y.modalId=le}},metadata:X},c,l),rt(this,null,d,{kind:"accessor",name:"modalTitle",static:!1,private:!1,access:{has:Y=>"modalTitle"in Y,get:Y=>Y.modalTitle,set:(Y,le)=>{Y.modalTitle=le}},metadata:X},j,H),rt(this,null,G,{kind:"accessor",name:"submitForm",static:!1,private:!1,access:{has:Y=>"submitForm"in Y,get:Y=>Y.submitForm,set:(Y,le)=>{Y.submitForm=le}},metadata:X},x,y),rt(this,null,L,{kind:"accessor",name:"closeForm",static:!1,private:!1,access:{has:Y=>"closeForm"in Y,get:Y=>Y.closeForm,set:(Y,le)=>{Y.closeForm=le}},metadata:X},V,k),rt(this,null,C,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:Y=>"lightTheme"in Y,get:Y=>Y.lightTheme,set:(Y,le)=>{Y.lightTheme=le}},metadata:X},P,se),rt(this,null,pe,{kind:"accessor",name:"originalBodyOverflow",static:!1,private:!1,access:{has:Y=>"originalBodyOverflow"in Y,get:Y=>Y.originalBodyOverflow,set:(Y,le)=>{Y.originalBodyOverflow=le}},metadata:X},q,$),rt(null,t={value:e},i,{kind:"class",name:e.name,metadata:X},null,s),re=e=t.value,X&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:X})}static styles=R`
		@keyframes modal-pop {
			0% {
				opacity: 0;
			}
		}

		*,
		:before,
		:after {
			border-width: 0 !important;
		}

		/* This does positioning, sizing, and transition */
		.discord-modal {
			pointer-events: none;
			position: fixed;
			top: 0;
			right: 0;
			bottom: 0;
			left: 0;
			margin: 0;
			display: grid;
			height: 100%;
			width: 100%;
			max-height: none;
			max-width: none;
			justify-items: center;
			padding: 0;
			opacity: 0;
			overscroll-behavior: contain;
			z-index: 1002;
			background-color: transparent;
			color: inherit;
			transition-duration: 0.2s;
			transition-timing-function: ease;
			transition-property: all;
			overflow: hidden;
		}

		.discord-modal-open,
		.discord-modal:target,
		.discord-modal-toggle:checked + .discord-modal,
		.discord-modal[open] {
			pointer-events: auto;
			visibility: visible;
			opacity: 1;
		}

		:where(.discord-modal) {
			align-items: center;
		}

		.discord-modal-box {
			display: none;
			flex-direction: column;
			min-height: 0;
			max-width: 100%;
			background-color: oklab(0.321088 -0.000220731 -0.00934622);
			transform: translate(0, 0) rotate(0) skew(0) skewY(0) scaleX(0.9) scaleY(0.9);
			transition-property: all;
			transition-timing-function: ease;
			transition-duration: 0.2s;
			box-shadow: none;
			overflow-y: visible;
			border-radius: 4px;
		}

		.discord-modal-box:focus {
			outline: none;
			border: none;
		}

		.discord-modal-open .discord-modal-box,
		.discord-modal-toggle:checked + .discord-modal .discord-modal-box,
		.discord-modal:target .discord-modal-box,
		.discord-modal[open] .discord-modal-box {
			transform: translate(0, 0px) rotate(0) skew(0) skewY(0) scaleX(1) scaleY(1);
		}

		.discord-modal:not(dialog:not(.discord-modal-open)),
		.discord-modal::backdrop {
			background-color: rgba(0, 0, 0, 0.7);
			animation: modal-pop 0.2s ease-out;
		}

		.discord-modal-light-theme:not(dialog:not(.discord-modal-open)),
		.discord-modal-light-theme::backdrop {
			background-color: rgba(0, 0, 0, 0.54);
			backdrop-filter: blur(0px);
		}

		.discord-modal-root {
			background-color: oklab(0.321088 -0.000220731 -0.00934622);
			border-radius: 4px;
			display: flex;
			flex-direction: column;
			margin: 0 auto;
			pointer-events: all;
			position: relative;
			box-shadow:
				rgba(30, 31, 34, 0.6) 0px 0px 0px 1px,
				rgba(0, 0, 0, 0.2) 0px 2px 10px 0px;
			opacity: 1;
			transform: scale(1);
			width: 440px;
			max-height: 720px;
			min-height: 200px;
		}

		.discord-modal-content-container::-webkit-scrollbar {
			width: 5px;
			background-color: transparent;
		}

		.discord-modal-content-container::-webkit-scrollbar-track {
			background-color: transparent;
		}

		.discord-modal-content-container::-webkit-scrollbar-thumb {
			border-radius: 10px;
			background-color: rgba(0, 0, 0, 0.5);
		}

		.discord-modal-root-light-theme {
			box-shadow:
				0 0 0 1px hsl(210 calc(1 * 9.3%) 78.8% / 0.3),
				0 2px 10px 0 hsl(0 calc(1 * 0%) 0% / 0.1);
			background-color: color-mix(in oklab, hsl(0 calc(1 * 0%) 100% / 1) 100%, black 0%);
		}

		.discord-modal-header-container {
			flex: 0 0 auto;
			border-radius: 4px 4px 0 0;
			transition: box-shadow 0.1s ease-out;
			word-wrap: break-word;
			position: relative;
			padding: 16px;
			z-index: 1;
			overflow: hidden;
			flex-wrap: nowrap;
			justify-content: flex-start;
			align-items: center;
			flex-direction: row;
			display: flex;
		}

		.discord-modal-content-container {
			overflow: hidden auto;
			padding-right: 8px;
			position: relative;
			z-index: 0;
			border-radius: 5px 5px 0 0;
			padding-left: 16px;
			position: relative;
			z-index: 0;
			border-radius: 5px 5px 0 0;
			padding-left: 16px;
		}

		.discord-modal-actions-container {
			flex: 0 0 auto;
			box-shadow: inset 0 1px 0 hsl(220 calc(1 * 6.5%) 18% / 0.6);
			border-radius: 0 0 5px 5px;
			background-color: color-mix(in oklab, hsl(220 calc(1 * 6.5%) 18% / 1) 100%, black 0%);
			position: relative;
			padding: 16px;
			z-index: 1;
			overflow-x: hidden;
			flex-wrap: nowrap;
			justify-content: flex-start;
			align-items: center;
			flex-direction: row-reverse;
			display: flex;
		}

		.discord-modal-actions-container-light-theme {
			box-shadow: inset 0 1px 0 hsl(0 calc(1 * 0%) 97.6% / 0.6);
			background-color: color-mix(in oklab, hsl(220 calc(1 * 13%) 95.5% / 1) 100%, black 0%);
		}

		.discord-modal-avatar {
			margin-right: 0.5em;
			position: relative;
			min-width: 24px;
			width: 24px;
			height: 24px;
			border-radius: 50%;
		}

		.discord-modal-avatar img {
			width: 24px;
			height: 24px;
			border-radius: 50%;
		}

		.discord-modal-title {
			font-size: 24px;
			line-height: 30px;
			color: color-mix(in oklab, hsl(220 calc(1 * 13%) 95.5% / 1) 100%, black 0%);
		}

		.discord-modal-title-light-theme {
			color: color-mix(in oklab, hsl(240 calc(1 * 7.7%) 2.5% / 1) 100%, black 0%);
		}

		.discord-modal-close-button {
			position: absolute;
			top: 16px;
			right: 16px;
			height: 26px;
			padding: 4px;
			transition: opacity.2s ease-in-out;
			opacity: 0.5;
			cursor: pointer;
			border-radius: 3px;
			color: color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%);
			box-sizing: content-box;
			width: auto;
			background: transparent;
			border: 0;
			margin: 0;
			display: flex;
			justify-content: center;
			align-items: center;
			font-size: 14px;
			font-weight: 500;
			line-height: 16px;
			-moz-user-select: none;
			user-select: none;
			outline: 0;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
			text-rendering: optimizeLegibility;
		}

		.discord-modal-close-button-light-theme {
			color: color-mix(in oklab, hsl(228 calc(1 * 6%) 32.5% / 1) 100%, black 0%);
		}

		.discord-modal-close-button:hover {
			opacity: 1;
			color: oklab(0.899401 -0.00192499 -0.00481987);
		}

		.discord-modal-close-button-light-theme:hover {
			color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
		}

		.discord-modal-close-button-content {
			background-image: linear-gradient(
				to top,
				transparent,
				transparent 1px,
				transparent 1px,
				transparent calc(1px + 1px),
				transparent calc(1px + 1px)
			);
		}

		.discord-modal-warning-container {
			margin-bottom: 8px;
			background: color-mix(in oklab, hsl(40 calc(1 * 86.4%) 56.9% / 0.1) 100%, hsl(0 0% 0% / 0.1) 0%);
			border: 1px solid color-mix(in oklab, hsl(40 calc(1 * 86.4%) 56.9% / 1) 100%, black 0%);
			color: color-mix(in oklab, hsl(0 calc(1 * 0%) 100% / 1) 100%, black 0%);
			display: flex;
			border-radius: 4px;
			font-weight: 500;
			padding: 8px;
			width: 100%;
			box-sizing: border-box;
		}

		.discord-modal-warning-container-light-theme {
			background: color-mix(in oklab, hsl(38 calc(1 * 78.6%) 38.4% / 0.1) 100%, hsl(0 0% 0% / 0.1) 0%);
			border: color-mix(in oklab, hsl(38 calc(1 * 78.6%) 38.4% / 1) 100%, black 0%);
			color: color-mix(in oklab, hsl(0 calc(1 * 0%) 0% / 1) 100%, black 0%);
		}

		.discord-modal-warning-icon {
			display: flex;
		}

		.discord-modal-warning {
			color: color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
			margin-left: 10px;
			flex: 1;
			align-self: center;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
			font-size: 14px;
			line-height: 1.2857142857142858;
			font-weight: 500;
		}

		.discord-modal-warning-light-theme {
			color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
		}

		.discord-modal-warning-icon-svg {
			fill: color-mix(in oklab, hsl(215 calc(1 * 8.8%) 73.3% / 1) 100%, black 0%);
			color: color-mix(in oklab, hsl(40 calc(1 * 86.4%) 56.9% / 1) 100%, black 0%);
			width: 24px;
			height: 24px;
			flex-shrink: 0;
		}

		.discord-modal-warning-icon-svg-light-theme {
			color: color-mix(in oklab, hsl(38 calc(1 * 78.6%) 38.4% / 1) 100%, black 0%);
			fill: none;
		}

		.discord-modal-warning-icon-svg-light-theme > path {
			fill: color-mix(in oklab, hsl(228 calc(1 * 6%) 32.5% / 1) 100%, black 0%);
		}

		.discord-modal-warning-author {
			font-weight: 600;
		}

		.discord-modal-button {
			align-items: center;
			background: none;
			border-radius: 3px;
			border: none;
			box-sizing: border-box;
			color: hsl(0 calc(1 * 0%) 100% / 1);
			display: flex;
			font-size: 14px;
			font-weight: 500;
			height: 38px;
			justify-content: center;
			line-height: 16px;
			min-height: 38px;
			min-width: 96px;
			padding: 2px 16px;
			position: relative;
			-moz-user-select: none;
			user-select: none;
			width: auto;
			cursor: pointer;
		}

		.discord-modal-button-submit {
			background-color: hsl(235 calc(1 * 85.6%) 64.7% / 1);
			transition:
				background-color 170ms ease,
				color 170ms ease;
		}

		.discord-modal-button-submit:hover {
			background-color: hsl(235 calc(1 * 51.4%) 52.4% / 1);
		}

		.discord-modal-button-submit:active {
			background-color: hsl(235 calc(1 * 46.7%) 44.1% / 1);
		}

		.discord-modal-button-cancel-light-theme {
			color: hsl(223 calc(1 * 5.8%) 52.9% / 1);
		}

		.discord-modal-button-cancel:hover > .discord-modal-button-content {
			--button--underline-color: hsl(0 calc(1 * 0%) 100% / 1);
		}

		.discord-modal-button-cancel-light-theme:hover > .discord-modal-button-content-light-theme {
			--button--underline-color: hsl(223 calc(1 * 5.8%) 52.9% / 1);
		}

		.discord-modal-button-content {
			--button--underline-color: transparent;
			margin: 0 auto;
			white-space: nowrap;
			text-overflow: ellipsis;
			overflow: hidden;
			background-image: linear-gradient(
				to top,
				transparent,
				transparent 1px,
				var(--button--underline-color) 1px,
				var(--button--underline-color) calc(1px + 1px),
				transparent calc(1px + 1px)
			);
		}

		.discord-modal-slot-input-text {
			padding-right: 8px;
			padding-left: 20px;
			position: sticky;
			z-index: 3;
		}
	`;#e=Ee(this,o,void 0);get profile(){return this.#e}set profile(X){this.#e=X}#t=(Ee(this,h),Ee(this,m,"User"));get author(){return this.#t}set author(X){this.#t=X}#i=(Ee(this,n),Ee(this,_,void 0));get avatar(){return this.#i}set avatar(X){this.#i=X}#s=(Ee(this,v),Ee(this,c,void 0));get modalId(){return this.#s}set modalId(X){this.#s=X}#a=(Ee(this,l),Ee(this,j,void 0));get modalTitle(){return this.#a}set modalTitle(X){this.#a=X}#r=(Ee(this,H),Ee(this,x,void 0));get submitForm(){return this.#r}set submitForm(X){this.#r=X}#o=(Ee(this,y),Ee(this,V,void 0));get closeForm(){return this.#o}set closeForm(X){this.#o=X}#l=(Ee(this,k),Ee(this,P,!1));get lightTheme(){return this.#l}set lightTheme(X){this.#l=X}#n=(Ee(this,se),Ee(this,q,void 0));get originalBodyOverflow(){return this.#n}set originalBodyOverflow(X){this.#n=X}dialogRef=(Ee(this,$),ht());handleClickCloseIcon(){this.dialogRef.value&&this.dialogRef.value.close()}handleFormSubmit(X){X.preventDefault(),X.stopPropagation();let Y=this.shadowRoot?.querySelector("slot")?.assignedElements()??[];for(let le of Y)if(le instanceof $s){let B=le.shadowRoot,w=B?.querySelector("input")??B?.querySelector("textarea");if(w?.attributes.getNamedItem("required")&&!w.value){let T=B?.querySelector("div.discord-text-input-message-needed-input");T instanceof HTMLDivElement&&!T.style.display&&(T.style.display="flex",globalThis.setTimeout(()=>{T.style.opacity="1"},1));return}if(w instanceof HTMLTextAreaElement&&w.value.length<Number(w.attributes.getNamedItem("minlength")?.value)&&w.value.length>0||w instanceof HTMLTextAreaElement&&w.value.length<Number(w.attributes.getNamedItem("minlength")?.value)&&w?.attributes.getNamedItem("required")){let T=B?.querySelector("div.discord-text-input-message-needed-min-length");T instanceof HTMLDivElement&&!T.style.display&&(T.style.display="flex",le.hasWarning=!0,globalThis.setTimeout(()=>{T.style.opacity="1"},1));return}}this.submitForm?.(),this.handleClickCloseIcon()}onCloseDialog(){globalThis.document.body.style.overflow=this.originalBodyOverflow??"scroll";let X=this.shadowRoot?.querySelector("div.discord-modal-box");X instanceof HTMLDivElement&&(X.style.display="none");let Y=this.shadowRoot?.querySelector("slot")?.assignedElements()??[];for(let le of Y)if(le instanceof $s){le.resetState();let B=le.shadowRoot,w=B?.querySelector("div.discord-text-input-message-needed-input"),T=B?.querySelector("div.discord-text-input-message-needed-min-length");w instanceof HTMLDivElement&&w.style.display&&(w.style.display="",w.style.opacity="0"),T instanceof HTMLDivElement&&T.style.display&&(T.style.display="",T.style.opacity="0")}this.closeForm?.()}render(){let X={author:this.author},Y=this.profile!==void 0&&Reflect.get(Qe,this.profile)||{},le={...X,...Y,avatar:this.resolveAvatar(Y.avatar??this.avatar)};return u`
			<dialog
				${Pe(this.dialogRef)}
				id="${Q(this.modalId)}"
				class=${fe({"discord-modal":!0,"discord-modal-light-theme":this.lightTheme})}
				@close=${this.onCloseDialog}
			>
				<div class="discord-modal-box">
					<form @submit=${this.handleFormSubmit}>
						<div aria-labelledby="discord-modal-title" role="dialog" tabindex="-1" aria-modal="true">
							<div class=${fe({"discord-modal-root":!0,"discord-modal-root-light-theme":this.lightTheme})}>
								<div class="discord-modal-header-container">
									<div class="discord-modal-avatar">
										<img src="${Q(le.avatar)}" alt="${Q(le.author)}" />
									</div>
									<div
										id="discord-modal-title"
										class=${fe({"discord-modal-title":!0,"discord-modal-title-light-theme":this.lightTheme})}
									>
										${this.modalTitle}
									</div>
									<button
										aria-label="Close"
										@click=${this.handleClickCloseIcon}
										type="button"
										class=${fe({"discord-modal-close-button":!0,"discord-modal-close-button-light-theme":this.lightTheme})}
									>
										<div class="discord-modal-close-button-content">${ma()}</div>
									</button>
								</div>
								<div
									class=${fe({"discord-modal-content-container":!0,"discord-modal-content-container-light-theme":this.lightTheme})}
								>
									<div class="discord-modal-warning-container">
										<div class="discord-modal-warning-icon">
											${pa({class:"discord-modal-warning-icon-svg"+(this.lightTheme?" discord-modal-warning-icon-svg-light-theme":"")})}
										</div>
										<div
											class=${fe({"discord-modal-warning":!0,"discord-modal-warning-light-theme":this.lightTheme})}
										>
											This form will be submitted to <strong class="discord-modal-warning-author">${le.author}</strong>. Do
											not share passwords or other sensitive information.
										</div>
									</div>
									<div
										aria-hidden="true"
										style="position: absolute; pointer-events: none; min-height: 0px; min-width: 1px; flex: 0 0 auto; height: 0px;"
									></div>
								</div>
								<div class="discord-modal-slot-input-text">
									<slot></slot>
								</div>
								<div
									class=${fe({"discord-modal-actions-container":!0,"discord-modal-actions-container-light-theme":this.lightTheme})}
								>
									<button type="submit" class="discord-modal-button discord-modal-button-submit">
										<div class="discord-modal-button-content">Submit</div>
									</button>
									<button
										type="button"
										class=${fe({"discord-modal-button":!0,"discord-modal-button-cancel":!0,"discord-modal-button-cancel-light-theme":this.lightTheme})}
										@click=${this.handleClickCloseIcon}
									>
										<div
											class=${fe({"discord-modal-button-content":!0,"discord-modal-button-content-light-theme":this.lightTheme})}
										>
											Cancel
										</div>
									</button>
								</div>
							</div>
						</div>
					</form>
				</div>
			</dialog>
		`}resolveAvatar(X){return X===void 0?He.default:He[X]??X??He.default}static{Ee(e,s)}};return re=e})();var fa=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ai=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Vl=(()=>{let i=[Z("discord-ordered-list")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[];var r=class extends a{static{e=this}static{let _=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Number,reflect:!0})],g=[De()],fa(this,null,p,{kind:"accessor",name:"start",static:!1,private:!1,access:{has:v=>"start"in v,get:v=>v.start,set:(v,f)=>{v.start=f}},metadata:_},o,h),fa(this,null,g,{kind:"accessor",name:"startLength",static:!1,private:!1,access:{has:v=>"startLength"in v,get:v=>v.startLength,set:(v,f)=>{v.startLength=f}},metadata:_},m,n),fa(null,t={value:e},i,{kind:"class",name:e.name,metadata:_},null,s),r=e=t.value,_&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:_})}static styles=R`
		:host > ol {
			list-style-image: initial;
			list-style-type: decimal;
			list-style-position: outside;
			margin-bottom: 0px;
			margin-top: 4px;
			margin-right: 0px;
			margin-left: calc(0.4em + 0.6em * var(--totalCharacters));
			padding: 0px;
		}
	`;#e=Ai(this,o,1);get start(){return this.#e}set start(_){this.#e=_}#t=(Ai(this,h),Ai(this,m,1));get startLength(){return this.#t}set startLength(_){this.#t=_}checkChildren(){if(!Array.from(this.children).every(v=>{let f=v.tagName.toLowerCase();return f==="discord-list-item"||f==="discord-unordered-list"||f==="discord-ordered-list"}))throw new $e("All direct children inside of a <discord-ordered-list> components must be one of <discord-unordered-list>, <discord-ordered-list>, or <discord-list-item>.")}willUpdate(){let _=Array.from(this.children).filter(f=>f.tagName.toLowerCase()==="discord-list-item").length,v=this.start+_;this.startLength=v.toString().length}render(){return this.checkChildren(),u`<ol start=${this.start} style="--totalCharacters:${this.startLength}">
			<slot></slot>
		</ol>`}constructor(){super(...arguments),Ai(this,n)}static{Ai(e,s)}};return r=e})();var ft=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Le=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},ua="multiple-answers",va="ended",ga="voted",_a="show-votes",Al=(()=>{let i=[Z("discord-poll")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[];var pe=class extends a{static{e=this}static{let q=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:String,attribute:"question",reflect:!0})],g=[b({type:String,attribute:"time-end",reflect:!0})],r=[at({context:va}),b({type:Boolean,attribute:"ended",reflect:!0})],f=[at({context:ua}),b({type:Boolean,reflect:!0,attribute:"multiple-answers"})],d=[at({context:ga}),b({type:Boolean,reflect:!0,attribute:"voted"})],G=[at({context:_a}),b({type:Boolean,reflect:!0,attribute:"show-results"})],L=[ie({context:Ae}),b({type:Boolean,reflect:!0,attribute:"compact-mode"})],C=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],ft(this,null,p,{kind:"accessor",name:"question",static:!1,private:!1,access:{has:$=>"question"in $,get:$=>$.question,set:($,re)=>{$.question=re}},metadata:q},o,h),ft(this,null,g,{kind:"accessor",name:"timeEnd",static:!1,private:!1,access:{has:$=>"timeEnd"in $,get:$=>$.timeEnd,set:($,re)=>{$.timeEnd=re}},metadata:q},m,n),ft(this,null,r,{kind:"accessor",name:"pollEnded",static:!1,private:!1,access:{has:$=>"pollEnded"in $,get:$=>$.pollEnded,set:($,re)=>{$.pollEnded=re}},metadata:q},_,v),ft(this,null,f,{kind:"accessor",name:"multipleAnswers",static:!1,private:!1,access:{has:$=>"multipleAnswers"in $,get:$=>$.multipleAnswers,set:($,re)=>{$.multipleAnswers=re}},metadata:q},c,l),ft(this,null,d,{kind:"accessor",name:"pollVoted",static:!1,private:!1,access:{has:$=>"pollVoted"in $,get:$=>$.pollVoted,set:($,re)=>{$.pollVoted=re}},metadata:q},j,H),ft(this,null,G,{kind:"accessor",name:"showResults",static:!1,private:!1,access:{has:$=>"showResults"in $,get:$=>$.showResults,set:($,re)=>{$.showResults=re}},metadata:q},x,y),ft(this,null,L,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:$=>"compactMode"in $,get:$=>$.compactMode,set:($,re)=>{$.compactMode=re}},metadata:q},V,k),ft(this,null,C,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:$=>"lightTheme"in $,get:$=>$.lightTheme,set:($,re)=>{$.lightTheme=re}},metadata:q},P,se),ft(null,t={value:e},i,{kind:"class",name:e.name,metadata:q},null,s),pe=e=t.value,q&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:q})}static styles=R`
		:host {
			display: flex;
			flex-direction: column;
			background-color: color-mix(in oklab, hsl(220 calc(1 * 6.5%) 18% / 1) 100%, black 0%);
			border-radius: 8px;
			padding: 16px;
			width: 100%;
			max-width: 472px;
			min-width: 302px;
			box-sizing: border-box;
			position: relative;
			overflow: hidden;
		}

		:host([light-theme]) {
			border: 1px solid color-mix(in oklab, hsl(0 calc(1 * 0%) 0% / 0.08) 100%, hsl(0 0% 0% / 0.08) 0%);
			background-color: color-mix(in oklab, hsl(0 calc(1 * 0%) 100% / 1) 100%, black 0%) !important;
		}

		:host([light-theme]) * {
			color: black;
		}

		.discord-poll-question {
			color: color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
			margin: 0;
			font-size: 1rem;
			word-break: break-word;
			line-height: 1.25;
			font-weight: 500;
		}

		.discord-poll-select {
			font-size: 0.875rem;
			grid-area: prompt;
			color: color-mix(in oklab, hsl(214 calc(1 * 8.1%) 61.2% / 1) 100%, black 0%) !important;
		}

		.discord-poll-answers {
			display: grid;
			grid-template-columns: 1fr;
			grid-auto-rows: 1fr;
			grid-gap: 8px;
			gap: 8px;
			margin: 8px 0 16px;
		}

		.discord-poll-footer {
			display: flex;
			align-items: center;
			justify-content: space-between;
		}

		.discord-poll-footer-votes-time {
			display: flex;
			align-items: center;
			color: color-mix(in oklab, hsl(214 calc(1 * 8.1%) 61.2% / 1) 100%, black 0%);
			font-size: 0.875rem;
			line-height: 1.2857142857142858;
			font-weight: 400;
		}

		.discord-poll-footer-time::before {
			content: '∙';
			margin: 0px 0.5rem;
			font-weight: 800;
		}

		.discord-poll-footer-time {
			display: flex;
			align-items: center;
		}

		.discord-poll-footer-hover:hover {
			color: #fff;
			text-decoration: underline;
			cursor: pointer;
		}

		:host([light-theme]) .discord-poll-footer-hover:hover {
			color: black;
			text-decoration: underline;
			cursor: pointer;
		}

		:host([light-theme]) .discord-poll-color-show-results {
			color: black !important;
		}

		.discord-poll-color-show-results {
			color: #fff !important;
			font-size: 0.875rem;
			font-weight: 600;
		}

		.discord-poll-result-vote {
			display: flex;
			align-items: center;
			gap: 15px;
		}

		:host .discord-poll-button-vote {
			cursor: pointer;
			background-color: hsl(235 calc(1 * 85.6%) 64.7% / 1) !important;
			color: hsl(0 calc(1 * 0%) 100% / 1) !important;
			padding: 9px 16px;
			border: none;
			border-radius: 3px;
			font-weight: 600;
		}

		:host .discord-poll-button-remove-vote {
			cursor: pointer;
			background-color: color-mix(in oklab, hsl(228 calc(1 * 6.7%) 14.7% / 1) 100%, black 0%) !important;
			color: color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%) !important;
			padding: 9px 16px;
			border: none;
			border-radius: 3px;
			font-weight: 600;
		}

		:host([light-theme]) button * {
			color: white !important;
		}

		:host .discord-poll-button-vote-disabled {
			cursor: no-drop;
			opacity: 0.5;
		}
	`;#e=Le(this,o,void 0);get question(){return this.#e}set question(q){this.#e=q}#t=(Le(this,h),Le(this,m,"24h"));get timeEnd(){return this.#t}set timeEnd(q){this.#t=q}#i=(Le(this,n),Le(this,_,!1));get pollEnded(){return this.#i}set pollEnded(q){this.#i=q}#s=(Le(this,v),Le(this,c,!1));get multipleAnswers(){return this.#s}set multipleAnswers(q){this.#s=q}#a=(Le(this,l),Le(this,j,!1));get pollVoted(){return this.#a}set pollVoted(q){this.#a=q}#r=(Le(this,H),Le(this,x,!1));get showResults(){return this.#r}set showResults(q){this.#r=q}#o=(Le(this,y),Le(this,V,!1));get compactMode(){return this.#o}set compactMode(q){this.#o=q}#l=(Le(this,k),Le(this,P,!1));get lightTheme(){return this.#l}set lightTheme(q){this.#l=q}#n=(Le(this,se),!1);get selected(){return this.#n}set selected(q){this.#n=q}#c=0;get totVotes(){return this.#c}set totVotes(q){this.#c=q}connectedCallback(){super.connectedCallback();let q=this.parentElement?.querySelectorAll("discord-poll-answer");if(q)for(let $=0;$<q?.length;$++)q[$].attributes.getNamedItem("selected")&&(this.selected=!0),this.totVotes+=q[$].attributes.getNamedItem("votes")?.nodeValue?Number(q[$].attributes.getNamedItem("votes")?.nodeValue):0}render(){let q=this.multipleAnswers?"Select one or more answers":"Select one answer";return u`<div>
			<h4 class="discord-poll-question">${this.question}</h4>
			<div class="discord-poll-select">${q}</div>
			<div class="discord-poll-answers">
				<slot></slot>
			</div>
			<div class="discord-poll-footer">
				<div class="discord-poll-footer-votes-time">
					<span class="discord-poll-footer-hover">${this.totVotes} votes</span>
					<div class="discord-poll-footer-time">${this.pollEnded?"Poll closed":`${this.timeEnd} left`}</div>
				</div>
				${I(!this.pollEnded&&!this.pollVoted&&!this.showResults,()=>u`<div class="discord-poll-result-vote">
							<div class="discord-poll-footer-hover discord-poll-color-show-results">Show results</div>
							<button
								type="button"
								class="${fe({"discord-poll-button-vote":!0,"discord-poll-button-vote-disabled":!this.selected})}"
							>
								<div>Vote</div>
							</button>
						</div>`)}
				${I(!this.pollEnded&&this.pollVoted||this.showResults,()=>u`
						<button type="button" class="discord-poll-button-remove-vote">
							<div>${!this.pollEnded&&this.pollVoted?"Remove vote":"Go back to vote"}</div>
						</button>
					`)}
			</div>
		</div> `}static{Le(e,s)}};return pe=e})();var we=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ze=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Il=(()=>{let i=[Z("discord-poll-answer")],t,s=[],e,a=F,p=[],o,h=[],g=[],m,n=[],r=[],_,v=[],f=[],c,l=[],d=[],j,H=[],G=[],x,y=[],L=[],V,k=[],C=[],P,se=[],pe=[],q,$=[],re=[],X,Y=[],le=[],B;var w=class extends a{static{e=this}static{let T=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;o=[b({type:String,attribute:"emoji",reflect:!0})],m=[b({type:String,attribute:"answer",reflect:!0})],_=[b({type:Number,attribute:"votes",reflect:!0})],c=[b({type:Boolean,attribute:"selected",reflect:!0})],j=[ie({context:Ae})],x=[ie({context:ua})],V=[ie({context:va})],P=[ie({context:ga})],q=[ie({context:_a})],X=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],B=[Ji({once:!1,capture:!0,passive:!0})],Ze(this,null,o,{kind:"accessor",name:"emoji",static:!1,private:!1,access:{has:N=>"emoji"in N,get:N=>N.emoji,set:(N,he)=>{N.emoji=he}},metadata:T},h,g),Ze(this,null,m,{kind:"accessor",name:"answer",static:!1,private:!1,access:{has:N=>"answer"in N,get:N=>N.answer,set:(N,he)=>{N.answer=he}},metadata:T},n,r),Ze(this,null,_,{kind:"accessor",name:"votes",static:!1,private:!1,access:{has:N=>"votes"in N,get:N=>N.votes,set:(N,he)=>{N.votes=he}},metadata:T},v,f),Ze(this,null,c,{kind:"accessor",name:"selected",static:!1,private:!1,access:{has:N=>"selected"in N,get:N=>N.selected,set:(N,he)=>{N.selected=he}},metadata:T},l,d),Ze(this,null,j,{kind:"accessor",name:"compactMode",static:!1,private:!1,access:{has:N=>"compactMode"in N,get:N=>N.compactMode,set:(N,he)=>{N.compactMode=he}},metadata:T},H,G),Ze(this,null,x,{kind:"accessor",name:"multipleAnswers",static:!1,private:!1,access:{has:N=>"multipleAnswers"in N,get:N=>N.multipleAnswers,set:(N,he)=>{N.multipleAnswers=he}},metadata:T},y,L),Ze(this,null,V,{kind:"accessor",name:"pollEnded",static:!1,private:!1,access:{has:N=>"pollEnded"in N,get:N=>N.pollEnded,set:(N,he)=>{N.pollEnded=he}},metadata:T},k,C),Ze(this,null,P,{kind:"accessor",name:"pollVoted",static:!1,private:!1,access:{has:N=>"pollVoted"in N,get:N=>N.pollVoted,set:(N,he)=>{N.pollVoted=he}},metadata:T},se,pe),Ze(this,null,q,{kind:"accessor",name:"showResult",static:!1,private:!1,access:{has:N=>"showResult"in N,get:N=>N.showResult,set:(N,he)=>{N.showResult=he}},metadata:T},$,re),Ze(this,null,X,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:N=>"lightTheme"in N,get:N=>N.lightTheme,set:(N,he)=>{N.lightTheme=he}},metadata:T},Y,le),Ze(this,null,B,{kind:"method",name:"_onClick",static:!1,private:!1,access:{has:N=>"_onClick"in N,get:N=>N._onClick},metadata:T},null,p),Ze(null,t={value:e},i,{kind:"class",name:e.name,metadata:T},null,s),w=e=t.value,T&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:T})}static styles=R`
		.discord-answer-container {
			display: flex;
			cursor: pointer;
		}

		.discord-answer-emoji {
			width: 24px;
			height: 24px;
			margin-right: 2px;
			border-radius: 3px;
		}

		.discord-checkbox-div-multiple-answer {
			flex-shrink: 0;
			width: 20px;
			height: 20px;
			box-sizing: border-box;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 3px;
			background-color: transparent;
			border: 2px solid color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
		}

		.discord-checkbox-div-multiple-answer-selected {
			width: 20px;
			height: 20px;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 3px;
			background-color: hsl(235 calc(1 * 85.6%) 64.7% / 1);
		}

		.discord-checkbox-div-answer-selected-ended-winner {
			width: 24px;
			height: 24px;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 99px;
			background-color: seagreen;
		}

		.discord-checkbox-div-answer-selected-ended-no-winner {
			width: 24px;
			height: 24px;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 99px;
			background-color: white;
			color: black !important;
		}

		.discord-checkbox-div-answer-selected-voted {
			width: 24px;
			height: 24px;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 99px;
			background-color: hsl(235 calc(1 * 85.6%) 64.7% / 1);
		}

		.discord-checkbox-div-answer {
			flex-shrink: 0;
			width: 20px;
			height: 20px;
			box-sizing: border-box;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 99px;
			background-color: transparent;
			border: 2px solid color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
		}

		.discord-checkbox-div-answer-selected {
			margin: 2px;
			width: 10px;
			height: 10px;
			box-sizing: border-box;
			display: flex;
			align-items: center;
			justify-content: center;
			border-radius: 99px;
			border: 2px solid transparent;
			background-color: color-mix(in oklab, hsl(235 calc(1 * 86.1%) 77.5% / 1) 100%, black 0%);
		}

		.discord-answer-hidden {
			display: none;
		}

		.discord-answer-flex {
			display: flex;
			align-items: center;
			gap: 8px;
		}

		.discord-answer-selected {
			outline: 1px solid color-mix(in oklab, hsl(235 calc(1 * 86.1%) 77.5% / 1) 100%, black 0%) !important;
		}

		.discord-answer-selected-ended {
			outline: 1px solid hsl(145 calc(1 * 65%) 39.2% / 1) !important;
		}

		.discord-answer {
			position: relative;
			display: flex;
			align-items: center;
			justify-content: space-between;
			width: 100%;
			min-height: 50px;
			padding: 8px 16px;
			box-sizing: border-box;
			background-color: color-mix(in oklab, hsl(228 calc(1 * 6%) 32.5% / 0.3) 100%, hsl(0 0% 0% / 0.3) 0%);
			border-radius: 8px;
			color: color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
			word-break: break-word;
			overflow: hidden;
			outline: 1px solid transparent;
			z-index: 1;
			transition:
				background-color 170ms ease,
				outline-color 170ms ease;
		}

		:host([light-theme]) .discord-answer {
			background-color: color-mix(in oklab, hsl(223 calc(1 * 5.8%) 52.9% / 0.08) 100%, hsl(0 0% 0% / 0.08) 0%) !important;
		}

		:host([light-theme]) .discord-background-color-default {
			background-color: color-mix(in oklab, hsl(223 calc(1 * 5.8%) 52.9% / 0.2) 100%, hsl(0 0% 0% / 0.2) 0%) !important;
		}

		:host([light-theme]) .discord-awnswer-title,
		:host([light-theme]) .discord-quantity-votes,
		:host([light-theme]) .discord-percentage-votes {
			color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%) !important;
		}

		:host([light-theme]) .discord-checkbox-div-answer,
		:host([light-theme]) .discord-checkbox-div-multiple-answer {
			border-color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%) !important;
		}

		:host([light-theme]) .discord-checkbox-div-answer-selected-ended-no-winner {
			background-color: color-mix(in oklab, hsl(223 calc(1 * 6.7%) 20.6% / 1) 100%, black 0%);
			color: white !important;
		}

		.discord-answer-no-margin {
			margin: 0;
		}

		.discord-quantity-votes:hover {
			cursor: pointer;
			text-decoration: underline;
		}

		.discord-answer-backdround-color {
			content: '';
			position: absolute;
			height: 100%;
			left: 0;
			z-index: -1;
		}

		.discord-background-color-winner {
			background-color: color-mix(in oklab, hsl(145 calc(1 * 65%) 39.2% / 0.2) 100%, hsl(0 0% 0% / 0.2) 0%);
		}

		.discord-background-color-default {
			background-color: color-mix(in oklab, hsl(228 calc(1 * 6%) 32.5% / 0.48) 100%, hsl(0 0% 0% / 0.48) 0%);
		}

		.discord-background-color-selected {
			background-color: color-mix(in oklab, hsl(235 calc(1 * 85.6%) 64.7% / 0.2) 100%, hsl(0 0% 0% / 0.2) 0%);
		}
	`;#e=(we(this,p),we(this,h,void 0));get emoji(){return this.#e}set emoji(T){this.#e=T}#t=(we(this,g),we(this,n,void 0));get answer(){return this.#t}set answer(T){this.#t=T}#i=(we(this,r),we(this,v,0));get votes(){return this.#i}set votes(T){this.#i=T}#s=(we(this,f),we(this,l,!1));get selected(){return this.#s}set selected(T){this.#s=T}#a=(we(this,d),we(this,H,!1));get compactMode(){return this.#a}set compactMode(T){this.#a=T}#r=(we(this,G),we(this,y,!1));get multipleAnswers(){return this.#r}set multipleAnswers(T){this.#r=T}#o=(we(this,L),we(this,k,!1));get pollEnded(){return this.#o}set pollEnded(T){this.#o=T}#l=(we(this,C),we(this,se,!1));get pollVoted(){return this.#l}set pollVoted(T){this.#l=T}#n=(we(this,pe),we(this,$,!1));get showResult(){return this.#n}set showResult(T){this.#n=T}#c=(we(this,re),we(this,Y,!1));get lightTheme(){return this.#c}set lightTheme(T){this.#c=T}#h=(we(this,le),0);get totalVotesPoll(){return this.#h}set totalVotesPoll(T){this.#h=T}#d;get percentageVoted(){return this.#d}set percentageVoted(T){this.#d=T}#m=[];get arrayAnswers(){return this.#m}set arrayAnswers(T){this.#m=T}#p=[];get winners(){return this.#p}set winners(T){this.#p=T}connectedCallback(){super.connectedCallback();let T=this.parentElement?.getElementsByTagName("discord-poll-answer");if(T)for(let N=0;N<T?.length;N++){let he=T[N].attributes.getNamedItem("votes")?Number(T[N].attributes.getNamedItem("votes")?.nodeValue):0;this.arrayAnswers.push({answer:T[N].attributes.getNamedItem("answer")?.nodeValue,value:he}),this.arrayAnswers=this.arrayAnswers.toSorted((ze,O)=>O.value-ze.value),this.totalVotesPoll+=he}for(let N=0;N<this.arrayAnswers?.length;N++)if(this.winners.includes(this.arrayAnswers[N].answer)||this.winners.push(this.arrayAnswers[N].answer),this.arrayAnswers[N+1])if(this.arrayAnswers[N].value===this.arrayAnswers[N+1].value)this.winners.includes(this.arrayAnswers[N+1].answer)||this.winners.push(this.arrayAnswers[N+1].answer);else break;if(this.parentElement?.getAttribute("multiple-answers")!==""){let N=0;if(T)for(let he of T)he.selected&&N++;if(N>1)throw new $e("<discord-poll> single vote was selected more than 1 answer")}this.percentageVoted=this.votes/this.totalVotesPoll*100}render(){return this.percentageVoted=this.percentageVoted.toPrecision(3).split(".")[1]==="0"?Number(this.percentageVoted.toPrecision(3).split(".")[0]):Number(this.percentageVoted.toPrecision(3)),u`
			<label>
				<div class="${fe({"discord-answer-container":!this.pollVoted&&!this.pollEnded&&!this.showResult})}">
					<div
						class="${fe({"discord-answer":!0,"discord-answer-selected":this.selected&&!this.pollEnded&&!this.showResult,"discord-answer-selected-ended":this.pollEnded&&this.winners.includes(this.answer)})}"
					>
						<div
							class=${fe({"discord-answer-backdround-color":!0,"discord-background-color-selected":!this.pollEnded&&this.selected&&this.pollVoted,"discord-background-color-winner":this.pollEnded&&this.winners.includes(this.answer),"discord-background-color-default":this.pollEnded&&!this.winners.includes(this.answer)||!this.pollEnded&&!this.selected&&this.pollVoted||this.showResult})}
							style="width:${this.percentageVoted}%;"
						></div>
						<div class="discord-answer-flex">
							${I(this.emoji,()=>u`<img class="discord-answer-emoji" src="${this.emoji}" alt="emoji" />`)}
							<div class="discord-awnswer-title">${this.answer}</div>
						</div>
						<div class="discord-answer-flex">
							${I(this.pollVoted||this.pollEnded||this.showResult,()=>u`<h5 class="discord-answer-no-margin discord-quantity-votes">
										${this.votes} ${this.votes>1||this.votes===0?"votes":"vote"}
									</h5>`)}
							${I(this.pollVoted||this.pollEnded||this.showResult,()=>u`<h4 class="discord-answer-no-margin discord-percentage-votes">${this.percentageVoted}%</h4>`)}
							${I(this.selected&&!this.showResult,()=>I(this.multipleAnswers,()=>I(this.pollEnded,()=>I(this.winners.includes(this.answer),()=>u`<div class="discord-checkbox-div-answer-selected-ended-winner">
																${Ce({style:"width:24px;height:24px;"})}
															</div>`,()=>u`<div class="discord-checkbox-div-answer-selected-ended-no-winner">
																${Ce({style:"width:24px;height:24px;"})}
															</div>`),()=>I(!this.pollVoted,()=>u`<div class="discord-checkbox-div-multiple-answer-selected">
																${Ce({style:"width:24px;height:24px;"})}
															</div>`,()=>u`<div class="discord-checkbox-div-answer-selected-voted">
																${Ce({style:"width:24px;height:24px;"})}
															</div>`)),()=>I(this.pollEnded,()=>u`<div class="discord-checkbox-div-answer-selected-ended-winner">
														${Ce({style:"width:24px;height:24px;"})}
													</div>`,()=>I(!this.pollVoted,()=>u`
															<div class="discord-checkbox-div-answer">
																<div class="discord-checkbox-div-answer-selected"></div>
															</div>
														`,()=>u`<div class="discord-checkbox-div-answer-selected-voted">
																${Ce({style:"width:24px;height:24px;"})}
															</div>`))),()=>I(!this.pollEnded&&!this.pollVoted&&!this.showResult,()=>u`<div
												class="${fe({"discord-checkbox-div-multiple-answer":this.multipleAnswers,"discord-checkbox-div-answer":!this.multipleAnswers})}"
											></div>`))}
						</div>
					</div>
					<span class="discord-answer-hidden"><input type="checkbox" @click=${()=>this._onClick()} /></span>
				</div>
			</label>
		`}_onClick(){if(this.pollEnded||this.pollVoted)return;let T=this.parentElement,N=T?.shadowRoot?.querySelector("button.discord-poll-button-vote"),he=T?.getElementsByTagName("discord-poll-answer");if(this.selected){if(this.selected=!1,N){if(T?.getAttribute("multiple-answers")===""){let ze=0;if(he)for(let O of he)O.selected&&ze++;if(ze>0){N.className="discord-poll-button-vote";return}}N.className="discord-poll-button-vote discord-poll-button-vote-disabled"}return}if(T?.getAttribute("multiple-answers")!==""&&he)for(let ze of he)ze.selected=!1;N&&(N.className="discord-poll-button-vote"),this.selected=!0}static{we(e,s)}};return w=e})();var gr=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ba=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ol=(()=>{let i=[Z("discord-pre")],t,s=[],e,a=F,p,o=[],h=[];var g=class extends a{static{e=this}static{let m=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean,reflect:!0})],gr(this,null,p,{kind:"accessor",name:"embed",static:!1,private:!1,access:{has:n=>"embed"in n,get:n=>n.embed,set:(n,r)=>{n.embed=r}},metadata:m},o,h),gr(null,t={value:e},i,{kind:"class",name:e.name,metadata:m},null,s),g=e=t.value,m&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:m})}static styles=R`
		:host pre {
			border-radius: 4px;
			padding: 0;
			font-size: 0.75rem;
			line-height: 1rem;
			margin-top: 6px;
			white-space: pre-wrap;
			background-clip: border-box;
			width: 90%;
			border: none;
		}

		:host([embed]) pre {
			margin: 0;
			margin-top: 6px;
			width: 100%;
		}
	`;#e=ba(this,o,!1);get embed(){return this.#e}set embed(m){this.#e=m}render(){return u`<pre><slot></slot
		></pre>`}constructor(){super(...arguments),ba(this,h)}static{ba(e,s)}};return g=e})();var _r=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ya=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Nl=(()=>{let i=[Z("discord-quote")],t,s=[],e,a=F,p,o=[],h=[];var g=class extends a{static{e=this}static{let m=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],_r(this,null,p,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:n=>"lightTheme"in n,get:n=>n.lightTheme,set:(n,r)=>{n.lightTheme=r}},metadata:m},o,h),_r(null,t={value:e},i,{kind:"class",name:e.name,metadata:m},null,s),g=e=t.value,m&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:m})}static styles=R`
		:host {
			display: flex;
		}

		.discord-quote-divider {
			background-color: #4f545c;
			border-radius: 4px;
			font-size: 0.9em;
			font-style: normal;
			font-weight: 400;
			margin: 0;
			padding: 0;
			width: 4px;
		}

		:host([light-theme]) .discord-quote-divider {
			background-color: #c4c9ce;
		}

		blockquote {
			margin-block-end: unset;
			margin-block-start: unset;
			margin-inline-end: unset;
			margin-inline-start: unset;
			padding: 0 8px 0 12px;
		}
	`;#e=ya(this,o,!1);get lightTheme(){return this.#e}set lightTheme(m){this.#e=m}render(){return u`
			<div class="discord-quote-divider"></div>
			<!-- display: inline -->
			<blockquote><slot></slot></blockquote>
		`}constructor(){super(...arguments),ya(this,h)}static{ya(e,s)}};return g=e})();var Ut=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Fe=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Pl=(()=>{let i=[Z("discord-reaction")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[];var L=class extends a{static{e=this}static{let V=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b({type:Number})],f=[b({type:Boolean,reflect:!0})],d=[b({type:Boolean})],G=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Ut(this,null,p,{kind:"accessor",name:"emoji",static:!1,private:!1,access:{has:k=>"emoji"in k,get:k=>k.emoji,set:(k,C)=>{k.emoji=C}},metadata:V},o,h),Ut(this,null,g,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:k=>"name"in k,get:k=>k.name,set:(k,C)=>{k.name=C}},metadata:V},m,n),Ut(this,null,r,{kind:"accessor",name:"count",static:!1,private:!1,access:{has:k=>"count"in k,get:k=>k.count,set:(k,C)=>{k.count=C}},metadata:V},_,v),Ut(this,null,f,{kind:"accessor",name:"reacted",static:!1,private:!1,access:{has:k=>"reacted"in k,get:k=>k.reacted,set:(k,C)=>{k.reacted=C}},metadata:V},c,l),Ut(this,null,d,{kind:"accessor",name:"interactive",static:!1,private:!1,access:{has:k=>"interactive"in k,get:k=>k.interactive,set:(k,C)=>{k.interactive=C}},metadata:V},j,H),Ut(this,null,G,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:k=>"lightTheme"in k,get:k=>k.lightTheme,set:(k,C)=>{k.lightTheme=C}},metadata:V},x,y),Ut(null,t={value:e},i,{kind:"class",name:e.name,metadata:V},null,s),L=e=t.value,V&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:V})}static styles=R`
		:host > *:first-child {
			border-radius: 0.5rem;
			cursor: pointer;
			flex-shrink: 0;
			margin-right: 0.25rem;
			margin-bottom: 0.25rem;
			user-select: none;
			transition: none 0.1s ease;
			transition-property: background-color, border-color;
			background-color: #2f3136;
			border: 1px solid transparent;
		}

		:host([light-theme]) > *:first-child {
			background-color: #f2f3f5;
		}

		:host > *:first-child:hover {
			background-color: #36393f;
			border-color: #fff2;
		}

		:host([light-theme]:not([reacted])) > *:first-child:hover {
			background-color: white;
			border-color: #0003;
		}

		:host([reacted]) > *:first-child {
			background-color: rgba(88, 101, 242, 0.15);
			border-color: #5865f2;
		}

		:host([light-theme][reacted]) > *:first-child {
			background-color: #e7e9fd;
		}

		:host .discord-reaction-inner {
			display: flex;
			align-items: center;
			padding: 0.125rem 0.375rem;
		}

		:host img {
			width: 1rem;
			height: 1rem;
			margin: 0.125rem 0;
			min-width: auto;
			min-height: auto;
			object-fit: contain;
			vertical-align: bottom;
		}

		:host .discord-reaction-count {
			font-size: 0.875rem;
			font-weight: 500;
			margin-left: 0.375rem;
			text-align: center;
			color: #b9bbbe;
		}

		:host([light-theme]) .discord-reaction-count {
			color: #4f5660;
		}

		:host([reacted]) .discord-reaction-count {
			color: #dee0fc;
		}

		:host([light-theme][reacted]) .discord-reaction-count {
			color: #5865f2;
		}
	`;#e=Fe(this,o,void 0);get emoji(){return this.#e}set emoji(V){this.#e=V}#t=(Fe(this,h),Fe(this,m,":emoji:"));get name(){return this.#t}set name(V){this.#t=V}#i=(Fe(this,n),Fe(this,_,1));get count(){return this.#i}set count(V){this.#i=V}#s=(Fe(this,v),Fe(this,c,!1));get reacted(){return this.#s}set reacted(V){this.#s=V}#a=(Fe(this,l),Fe(this,j,!1));get interactive(){return this.#a}set interactive(V){this.#a=V}#r=(Fe(this,H),Fe(this,x,!1));get lightTheme(){return this.#r}set lightTheme(V){this.#r=V}render(){return u`<div class="discord-reaction-inner" @click=${this.handleReactionClick} @keydown=${this.handleReactionClick}>
			${I(this.emoji?.includes("http")||this.emoji?.startsWith("/")||this.emoji?.startsWith("./"),()=>u`<img src=${Q(this.emoji)} alt=${Q(this.name)} draggable="false" />`,()=>u`<span>${this.emoji}</span>`)}
			<span class="discord-reaction-count">${this.count}</span>
		</div>`}handleReactionClick=(Fe(this,y),V=>{this.interactive&&(V.shiftKey?this.count--:this.count++,this.count<=0&&(this.count=1))});static{Fe(e,s)}};return L=e})();var Bl=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Rl=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Ul=(()=>{let i=[Z("discord-reactions")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;Bl(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			display: flex;
			-webkit-box-flex: 1;
			-ms-flex: 1 0 auto;
			flex: 1 0 auto;
			align-items: center;
			flex-wrap: wrap;
		}
	`;render(){return u`<slot></slot>`}static{Rl(e,s)}};return p=e})();var xa=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Ii=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Fl=(()=>{let i=[Z("discord-spoiler")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[];var r=class extends a{static{e=this}static{let _=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean,reflect:!0})],g=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],xa(this,null,p,{kind:"accessor",name:"activated",static:!1,private:!1,access:{has:v=>"activated"in v,get:v=>v.activated,set:(v,f)=>{v.activated=f}},metadata:_},o,h),xa(this,null,g,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:v=>"lightTheme"in v,get:v=>v.lightTheme,set:(v,f)=>{v.lightTheme=f}},metadata:_},m,n),xa(null,t={value:e},i,{kind:"class",name:e.name,metadata:_},null,s),r=e=t.value,_&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:_})}static styles=R`
		:host {
			background-color: #202225;
			border-radius: 3px;
			color: transparent;
			cursor: pointer;
		}

		:host([light-theme]) {
			background-color: #c4c9ce;
		}

		:host(:hover) {
			background-color: rgba(32, 34, 37, 0.8);
		}

		:host([light-theme]:hover) {
			background-color: #cfd3d7;
		}

		:host([activated]) {
			color: inherit;
			background-color: hsla(0, 0%, 100%, 0.1);
		}

		:host([light-theme][activated]) {
			background-color: #e5e5e5;
		}
	`;#e=Ii(this,o,!1);get activated(){return this.#e}set activated(_){this.#e=_}#t=(Ii(this,h),Ii(this,m,!1));get lightTheme(){return this.#t}set lightTheme(_){this.#t=_}render(){return u`<slot
			@click=${()=>{this.activated=!0}}
			@keydown=${()=>{this.activated=!0}}
		></slot>`}constructor(){super(...arguments),Ii(this,n)}static{Ii(e,s)}};return r=e})();var St=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Oi=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},ql=(()=>{let i=[Z("discord-string-select-menu")],t,s=[],e,a=F,p=[],o,h=[],g=[],m,n=[],r=[],_,v=[],f=[],c;var l=class extends a{static{e=this}static{let d=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;o=[b({type:Boolean,attribute:"disabled"})],m=[b({attribute:"placeholder"})],_=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],c=[Ji({once:!1,capture:!0,passive:!0})],Oi(this,null,o,{kind:"accessor",name:"disabled",static:!1,private:!1,access:{has:j=>"disabled"in j,get:j=>j.disabled,set:(j,H)=>{j.disabled=H}},metadata:d},h,g),Oi(this,null,m,{kind:"accessor",name:"placeholder",static:!1,private:!1,access:{has:j=>"placeholder"in j,get:j=>j.placeholder,set:(j,H)=>{j.placeholder=H}},metadata:d},n,r),Oi(this,null,_,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:j=>"lightTheme"in j,get:j=>j.lightTheme,set:(j,H)=>{j.lightTheme=H}},metadata:d},v,f),Oi(this,null,c,{kind:"method",name:"_onClick",static:!1,private:!1,access:{has:j=>"_onClick"in j,get:j=>j._onClick},metadata:d},null,p),Oi(null,t={value:e},i,{kind:"class",name:e.name,metadata:d},null,s),l=e=t.value,d&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:d})}static styles=R`
		.discord-string-select-menu {
			height: 36px;
			min-height: 36px;
			display: flex;
			align-items: center;
			justify-content: space-between;
			box-sizing: border-box;
			cursor: pointer;
			color: color-mix(in oklab, hsl(210 calc(1 * 9.1%) 87.1% / 1) 100%, black 0%);
			border: 1px solid;
			border-radius: 4px;
			background-color: color-mix(in oklab, hsl(225 calc(1 * 6.3%) 12.5% / 1) 100%, black 0%);
			border-color: color-mix(in oklab, hsl(225 calc(1 * 6.3%) 12.5% / 1) 100%, black 0%);
			padding: 8px !important;
			width: 90%;
			max-width: 400px;
			margin-right: 16px;
			transition: border 0.2s ease;
			font-weight: 500;
		}

		:host([light-theme]) .discord-string-select-menu {
			background-color: #ebebeb !important;
			border-color: #b5b5b5 !important;
			border: 1px solid;
			color: #2e3338;
		}

		:host([light-theme]) .discord-string-select-menu-option-slot {
			background-color: #ebebeb !important;
			border-color: #b5b5b5 !important;
			border: 1px solid;
			color: #2e3338;
		}

		.discord-string-select-menu-option-slot {
			overflow-y: auto;
			overflow-x: hidden;
			color: currentColor;
			border: none;
			border-top-left-radius: 0px;
			border-top-right-radius: 0px;
			border-color: color-mix(in oklab, hsl(225 calc(1 * 6.3%) 12.5% / 1) 100%, black 0%);
			background-color: color-mix(in oklab, hsl(220 calc(1 * 6.5%) 18% / 1) 100%, black 0%);
			cursor: pointer;
			box-sizing: border-box;
			border-radius: 4px;
			gap: 10px;
			display: block;
			max-height: 190px;
			position: absolute;
			width: 90%;
			max-width: 400px;
			z-index: 1002;
		}

		.discord-string-select-menu-option-slot::-webkit-scrollbar {
			width: 5px;
			background-color: transparent;
		}

		.discord-string-select-menu-option-slot::-webkit-scrollbar-track {
			background-color: transparent;
		}

		.discord-string-select-menu-option-slot::-webkit-scrollbar-thumb {
			border-radius: 10px;
			background-color: rgba(0, 0, 0, 0.3);
		}

		.discord-string-select-menu-label {
			width: 100%;
		}

		.discord-string-select-inside-menu {
			padding: 8px 8px 8px 12px;
			display: flex;
			align-items: center;
			justify-content: space-between;
		}

		.discord-string-select-menu-hidden {
			display: none;
		}

		.discord-string-select-menu-disabled {
			cursor: not-allowed !important;
			opacity: 0.5;
		}

		.discord-string-select-inside-menu:hover {
			border-color: black;
			cursor: pointer;
		}

		.discord-string-select-menu-rotated {
			transform: rotate(-180deg);
		}

		.discord-expand-more-icon {
			margin-left: auto;
		}
	`;#e=(St(this,p),St(this,h,void 0));get disabled(){return this.#e}set disabled(d){this.#e=d}#t=(St(this,g),St(this,n,"Make a selection"));get placeholder(){return this.#t}set placeholder(d){this.#t=d}#i=(St(this,r),St(this,v,!1));get lightTheme(){return this.#i}set lightTheme(d){this.#i=d}render(){return u`
			<label
				class="${fe({"discord-string-select-menu-label":!0,"discord-string-select-menu":!0,"discord-string-select-menu-disabled":this.disabled})}"
			>
				<span>${this.placeholder}</span> ${si({class:"discord-expand-more-icon"})}
				<span class="discord-string-select-menu-hidden"><input type="checkbox" @click=${this._onClick} /></span>
			</label>
			<div class="discord-string-select-menu-option-slot discord-string-select-menu-hidden"><slot></slot></div>
		`}_onClick(){let d=this.shadowRoot?.querySelectorAll("svg.discord-expand-more-icon").item(0),j=this.shadowRoot?.querySelectorAll("div.discord-string-select-menu-option-slot").item(0);this.shadowRoot?.querySelectorAll("label.discord-string-select-menu").item(0)?.className.includes("discord-string-select-menu-disabled")||(j?.className.includes("discord-string-select-menu-hidden")?(j?.setAttribute("class","discord-string-select-menu-option-slot"),d?.setAttribute("class","discord-expand-more-icon discord-string-select-menu-rotated")):(j?.setAttribute("class","discord-string-select-menu-option-slot discord-string-select-menu-hidden"),d?.setAttribute("class","discord-expand-more-icon")))}constructor(){super(...arguments),St(this,f)}static{St(e,s)}};return l=e})();var Ft=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},qe=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Zl=(()=>{let i=[Z("discord-string-select-menu-option")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[];var L=class extends a{static{e=this}static{let V=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({reflect:!0,attribute:"emoji"})],g=[b({reflect:!0,attribute:"emoji-name"})],r=[b({attribute:"label"})],f=[b({attribute:"description"})],d=[b({reflect:!1,noAccessor:!0,attribute:!1})],G=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Ft(this,null,p,{kind:"accessor",name:"emoji",static:!1,private:!1,access:{has:k=>"emoji"in k,get:k=>k.emoji,set:(k,C)=>{k.emoji=C}},metadata:V},o,h),Ft(this,null,g,{kind:"accessor",name:"emojiName",static:!1,private:!1,access:{has:k=>"emojiName"in k,get:k=>k.emojiName,set:(k,C)=>{k.emojiName=C}},metadata:V},m,n),Ft(this,null,r,{kind:"accessor",name:"label",static:!1,private:!1,access:{has:k=>"label"in k,get:k=>k.label,set:(k,C)=>{k.label=C}},metadata:V},_,v),Ft(this,null,f,{kind:"accessor",name:"description",static:!1,private:!1,access:{has:k=>"description"in k,get:k=>k.description,set:(k,C)=>{k.description=C}},metadata:V},c,l),Ft(this,null,d,{kind:"accessor",name:"selectOption",static:!1,private:!1,access:{has:k=>"selectOption"in k,get:k=>k.selectOption,set:(k,C)=>{k.selectOption=C}},metadata:V},j,H),Ft(this,null,G,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:k=>"lightTheme"in k,get:k=>k.lightTheme,set:(k,C)=>{k.lightTheme=C}},metadata:V},x,y),Ft(null,t={value:e},i,{kind:"class",name:e.name,metadata:V},null,s),L=e=t.value,V&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:V})}static styles=R`
		label {
			display: flex;
			align-items: center;
			max-width: 400px;
			padding: 8px 8px 8px 12px;
			gap: 10px;
			font-size: small;
			cursor: pointer;
		}

		label:hover {
			background-color: rgba(255, 255, 255, 0.1);
		}

		:host([light-theme]) {
			background-color: #f2f3f5 !important;
			border-color: #d9d9d9 !important;
			color: #2e3338;
		}

		:host([light-theme]) label:hover {
			background-color: rgba(204, 204, 204, 2) !important;
		}

		.discord-string-select-menu-option-emoji {
			margin-right: 4px;
			object-fit: contain;
			width: 1.375em;
			height: 1.375em;
			vertical-align: bottom;
		}

		.discord-string-select-menu-option-ellipsis-text {
			overflow: hidden;
			text-overflow: ellipsis;
			white-space: nowrap;
		}

		.discord-string-select-menu-option-hidden {
			display: none;
		}
	`;#e=qe(this,o,void 0);get emoji(){return this.#e}set emoji(V){this.#e=V}#t=(qe(this,h),qe(this,m,"emoji"));get emojiName(){return this.#t}set emojiName(V){this.#t=V}#i=(qe(this,n),qe(this,_,void 0));get label(){return this.#i}set label(V){this.#i=V}#s=(qe(this,v),qe(this,c,void 0));get description(){return this.#s}set description(V){this.#s=V}#a=(qe(this,l),qe(this,j,void 0));get selectOption(){return this.#a}set selectOption(V){this.#a=V}checkLabelIsProvided(){if(!this.label)throw new $e("The label of option is required")}#r=(qe(this,H),qe(this,x,!1));get lightTheme(){return this.#r}set lightTheme(V){this.#r=V}render(){return this.checkLabelIsProvided(),u`
			<label>
				${I(this.emoji,()=>I(this.emoji?.includes("http")||this.emoji?.startsWith("/")||this.emoji?.startsWith("./"),()=>u`<img
								src=${this.emoji}
								alt=${Q(this.emojiName)}
								draggable="true"
								class="discord-string-select-menu-option-emoji"
							/>`,()=>u`<span class="discord-string-select-menu-option-emoji">${this.emoji}</span>`))}
				<div class="discord-string-select-menu-option-ellipsis-text">
					<div class="discord-string-select-menu-option-ellipsis-text">
						<strong>${this.label}</strong>
					</div>
					${I(this.description,()=>u`<span>${this.description}</span>`)}
				</div>
				<span class="discord-string-select-menu-option-hidden"><input type="checkbox" @click=${()=>this.selectOption?.()} /></span>
			</label>
		`}constructor(){super(...arguments),qe(this,y)}static{qe(e,s)}};return L=e})();var br=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},za=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},Wl=(()=>{let i=[Z("discord-subscript")],t,s=[],e,a=F,p,o=[],h=[];var g=class extends a{static{e=this}static{let m=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],br(this,null,p,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:n=>"lightTheme"in n,get:n=>n.lightTheme,set:(n,r)=>{n.lightTheme=r}},metadata:m},o,h),br(null,t={value:e},i,{kind:"class",name:e.name,metadata:m},null,s),g=e=t.value,m&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:m})}static styles=R`
		small {
			display: block;
			color: color-mix(in oklab, hsl(214 calc(1 * 8.1%) 61.2% / 1) 100%, black 0%);
			font-size: 0.8125rem;
			line-height: 1.11719rem;
		}

		:host([light-theme]) > small {
			color: color-mix(in oklab, hsl(228 calc(1 * 5.2%) 38% / 1) 100%, black 0%);
		}
	`;#e=za(this,o,!1);get lightTheme(){return this.#e}set lightTheme(m){this.#e=m}render(){return u`
			<small>
				<span>
					<slot></slot>
				</span>
			</small>
		`}constructor(){super(...arguments),za(this,h)}static{za(e,s)}};return g=e})();var Ql=E`
	<path d="M4 0L0 4V8L4 12L8 8V4L4 0ZM7 7.59L4 10.59L1 7.59V4.41L4 1.41L7 4.41V7.59Z" fill="currentColor" />
	<path d="M2 4.83V7.17L4 9.17L6 7.17V4.83L4 2.83L2 4.83Z" fill="currentColor" />
`;function wa(i={}){return u`<svg ${D(i)} aria-hidden="false" width="24" height="24" viewBox="0 0 8 12">${Ql}</svg>`}var Yl=E`
	<path
		fill="#3ba55c"
		fill-rule="evenodd"
		d="M17.7163041 15.36645368c-.0190957.02699568-1.9039523 2.6680735-2.9957762 2.63320406-3.0676659-.09785935-6.6733809-3.07188394-9.15694343-5.548738C3.08002193 9.9740657.09772497 6.3791404 0 3.3061316v-.024746C0 2.2060575 2.61386252.3152347 2.64082114.2972376c.7110335-.4971705 1.4917101-.3149497 1.80959713.1372281.19320342.2744561 2.19712724 3.2811005 2.42290565 3.6489167.09884826.1608492.14714912.3554431.14714912.5702838 0 .2744561-.07975258.5770327-.23701117.8751101-.1527655.2902036-.65262318 1.1664385-.89862055 1.594995.2673396.3768148.94804468 1.26429792 2.351016 2.66357424 1.39173858 1.39027775 2.28923588 2.07641807 2.67002628 2.34187563.4302146-.2452108 1.3086162-.74238132 1.5972981-.89423205.5447887-.28682915 1.0907006-.31944893 1.4568885-.08661115.3459689.2182151 3.3383754 2.21027167 3.6225641 2.41611376.2695862.19234426.4144887.5399137.4144887.91672846 0 .2969525-.089862.61190215-.2808189.88523346"
	/>
`;function ka(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${Yl}</svg>`}var Gl=E`
	<g fill="none" fill-rule="evenodd">
		<path
			fill="#99AAB5"
			d="M0 14.25V18h3.75L14.81 6.94l-3.75-3.75L0 14.25zM17.71 4.04c.39-.39.39-1.02 0-1.41L15.37.29c-.39-.39-1.02-.39-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z"
		/>
		<path d="M0 0h18v18H0" />
	</g>
`;function Ma(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${Gl}</svg>`}var Jl=E`
	<g fill="none" fill-rule="evenodd">
		<path d="M0 0h18v18H0z" />
		<path
			fill="#99AAB5"
			d="M3.2765961.00034226C6.344262.0982016 9.949977 3.0722262 12.43353953 5.54908026c2.48356254 2.47685405 5.4658595 6.07177934 5.56358447 9.14478814 0 1.1000741-2.61386252 2.9908969-2.64082114 3.008894-.7110335.4971705-1.4917101.3149497-1.80959713-.1372281-.19320342-.2744561-2.19712724-3.2811005-2.42290565-3.6489167-.09884826-.1608492-.14714912-.3554431-.14714912-.5702838 0-.2744561.07975258-.5770327.23701117-.8751101.1527655-.2902036.65262318-1.1664385.89862055-1.594995-.2673396-.3768148-.94804468-1.26429792-2.351016-2.66357424C8.3695281 6.8223767 7.4720308 6.1362364 7.0912404 5.87077883c-.4302146.2452108-1.3086162.74238132-1.5972981.89423205-.5447887.28682915-1.0907006.31944893-1.4568885.08661115C3.6910849 6.63340693.6986784 4.64135036.4144897 4.43550827.1449035 4.243164.000001 3.89559457.000001 3.5187798c0-.29695252.089862-.61190217.2808189-.88523348.0190957-.02699568 1.9039523-2.6680735 2.9957762-2.63320406z"
		/>
	</g>
`;function Ta(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${Jl}</svg>`}var Kl=E`
	<path
		d="m16.908 8.39684-8.29587-8.295827-1.18584 1.184157 1.18584 1.18584-4.14834 4.1475v.00167l-1.18583-1.18583-1.185 1.18583 3.55583 3.55502-4.740831 4.74 1.185001 1.185 4.74083-4.74 3.55581 3.555 1.185-1.185-1.185-1.185 4.1475-4.14836h.0009l1.185 1.185z"
		fill="#b9bbbe"
	/>
`;function Ca(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${Kl}</svg>`}var Xl=E`
	<path
		fill="#b9bbbe"
		fill-rule="evenodd"
		d="M1.575 9a2.25 2.25 0 0 0 0 3.18l.345.345c.128.128.323.15.488.075a2.25 2.25 0 0 1 3 3 .43.43 0 0 0 .06.48l.352.345a2.25 2.25 0 0 0 3.18 0l5.077-5.077a.75.75 0 0 1 1.02-1.02L16.425 9a2.25 2.25 0 0 0 0-3.18l-.345-.352a.42.42 0 0 0-.488-.06 2.25 2.25 0 0 1-3-3 .42.42 0 0 0-.068-.488l-.345-.345a2.25 2.25 0 0 0-3.18 0L7.671 2.903a.75.75 0 0 1-1.02 1.02zm7.508-4.725a.75.75 0 1 0-1.057 1.05l.517.525A.75.75 0 1 0 9.6 4.785l-.517-.525Zm2.063 2.063a.75.75 0 1 0-1.057 1.057l.517.525a.75.75 0 0 0 1.057-1.065l-.517-.525Zm2.063 2.063a.75.75 0 0 0-1.057 1.057l.517.525a.75.75 0 0 0 1.057-1.065l-.517-.525Z"
		clip-rule="evenodd"
	/>
`;function $a(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${Xl}</svg>`}var en=E`
	<path
		d="M10 0C4.486 0 0 4.486 0 10C0 15.515 4.486 20 10 20C15.514 20 20 15.515 20 10C20 4.486 15.514 0 10 0ZM9 4H11V11H9V4ZM10 15.25C9.31 15.25 8.75 14.691 8.75 14C8.75 13.31 9.31 12.75 10 12.75C10.69 12.75 11.25 13.31 11.25 14C11.25 14.691 10.69 15.25 10 15.25Z"
		fill-rule="evenodd"
		clip-rule="evenodd"
		fill="currentColor"
	/>
`;function ja(i={}){return u`<svg ${D(i)} aria-hidden="false" width="20" height="20" viewBox="0 0 20 20">${en}</svg>`}var tn=E`
	<path
		xmlns="http://www.w3.org/2000/svg"
		d="M18.4 4L12 10.4L5.6 4L4 5.6L10.4 12L4 18.4L5.6 20L12 13.6L18.4 20L20 18.4L13.6 12L20 5.6L18.4 4Z"
		fill="#ed4245"
	/>
`;function Ea(i={}){return u`<svg ${D(i)} aria-hidden="false" width="20" height="20" viewBox="0 0 20 20">${tn}</svg>`}var sn=E`
	<path
		fill="currentColor"
		d="M5.43309 21C5.35842 21 5.30189 20.9325 5.31494 20.859L5.99991 17H2.14274C2.06819 17 2.01168 16.9327 2.02453 16.8593L2.33253 15.0993C2.34258 15.0419 2.39244 15 2.45074 15H6.34991L7.40991 9H3.55274C3.47819 9 3.42168 8.93274 3.43453 8.85931L3.74253 7.09931C3.75258 7.04189 3.80244 7 3.86074 7H7.75991L8.45234 3.09903C8.46251 3.04174 8.51231 3 8.57049 3H10.3267C10.4014 3 10.4579 3.06746 10.4449 3.14097L9.75991 7H15.7599L16.4523 3.09903C16.4625 3.04174 16.5123 3 16.5705 3H18.3267C18.4014 3 18.4579 3.06746 18.4449 3.14097L17.7599 7H21.6171C21.6916 7 21.7481 7.06725 21.7353 7.14069L21.4273 8.90069C21.4172 8.95811 21.3674 9 21.3091 9H17.4099L17.0495 11.04H15.05L15.4104 9H9.41035L8.35035 15H10.5599V17H7.99991L7.30749 20.901C7.29732 20.9583 7.24752 21 7.18934 21H5.43309Z"
	/>
	<path
		fill="currentColor"
		d="M13.4399 12.96C12.9097 12.96 12.4799 13.3898 12.4799 13.92V20.2213C12.4799 20.7515 12.9097 21.1813 13.4399 21.1813H14.3999C14.5325 21.1813 14.6399 21.2887 14.6399 21.4213V23.4597C14.6399 23.6677 14.8865 23.7773 15.0408 23.6378L17.4858 21.4289C17.6622 21.2695 17.8916 21.1813 18.1294 21.1813H22.5599C23.0901 21.1813 23.5199 20.7515 23.5199 20.2213V13.92C23.5199 13.3898 23.0901 12.96 22.5599 12.96H13.4399Z"
	/>
`;function Da(i={}){return u`<svg ${D(i)} aria-hidden="false" width="24" height="24" viewBox="0 0 24 24">${sn}</svg>`}var an=E`
	<g fill="none" fill-rule="evenodd">
		<path d="M18 0H0v18h18z" />
		<path fill="#3ba55c" d="M0 8h14.2l-3.6-3.6L12 3l6 6-6 6-1.4-1.4 3.6-3.6H0" />
	</g>
`;function Ha(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${an}</svg>`}var rn=E`
	<g fill="none" fill-rule="evenodd" stroke="none" stroke-width="1">
		<path d="M18 0H0v18h18z" />
		<path fill="#ed4245" d="M3.8 8l3.6-3.6L6 3 0 9l6 6 1.4-1.4L3.8 10H18V8" />
	</g>
`;function Sa(i={}){return u`<svg ${D(i)} aria-hidden="false" width="18" height="18" viewBox="0 0 18 18">${rn}</svg>`}var ni=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},it=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},on=(()=>{let i=[Z("discord-system-message")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[];var G=class extends a{static{e=this}static{let x=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:String})],g=[b({reflect:!0,attribute:"type"})],r=[b({type:Boolean,reflect:!0,attribute:"channel-name"})],f=[b({type:Boolean,reflect:!0,attribute:"has-thread"})],d=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],ni(this,null,p,{kind:"accessor",name:"timestamp",static:!1,private:!1,access:{has:y=>"timestamp"in y,get:y=>y.timestamp,set:(y,L)=>{y.timestamp=L}},metadata:x},o,h),ni(this,null,g,{kind:"accessor",name:"type",static:!1,private:!1,access:{has:y=>"type"in y,get:y=>y.type,set:(y,L)=>{y.type=L}},metadata:x},m,n),ni(this,null,r,{kind:"accessor",name:"channelName",static:!1,private:!1,access:{has:y=>"channelName"in y,get:y=>y.channelName,set:(y,L)=>{y.channelName=L}},metadata:x},_,v),ni(this,null,f,{kind:"accessor",name:"hasThread",static:!1,private:!1,access:{has:y=>"hasThread"in y,get:y=>y.hasThread,set:(y,L)=>{y.hasThread=L}},metadata:x},c,l),ni(this,null,d,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:y=>"lightTheme"in y,get:y=>y.lightTheme,set:(y,L)=>{y.lightTheme=L}},metadata:x},j,H),ni(null,t={value:e},i,{kind:"class",name:e.name,metadata:x},null,s),G=e=t.value,x&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:x})}static styles=R`
		:host {
			color: #8e9297;
			display: flex;
			font-weight: 400;
			font-size: 1rem;
			font-family: 'gg sans', 'Noto Sans', Whitney, 'Helvetica Neue', Helvetica, Roboto, Arial, sans-serif;
			padding: 0px 1em;

			position: relative;
			word-wrap: break-word;
			-webkit-user-select: text;
			-moz-user-select: text;
			-ms-user-select: text;
			user-select: text;
			-webkit-box-flex: 0;
			-ms-flex: 0 0 auto;
			flex: 0 0 auto;
			padding-right: 0;
			min-height: 1.375rem;
			padding-right: 48px !important;
			margin-top: 1.0625rem;
		}

		:host([light-theme]) {
			color: #2e3338;
			border-color: #eceeef;
		}

		:host([channel-name]) {
			color: #fff;
		}

		:host([light-theme][channel-name]) {
			color: #060607;
		}

		:host([type='boost']) svg {
			color: #ff73fa;
		}

		:host([type='alert']) svg {
			color: #faa81a;
		}

		:host([type='error']) svg {
			color: #faa81a;
		}

		:host .discord-message-icon {
			margin-right: 16px;
			margin-top: 5px;
			min-width: 40px;
			display: flex;
			align-items: flex-start;
			justify-content: center;
		}

		:host .discord-message-icon svg {
			width: 16px;
			height: 16px;
		}

		:host .discord-message-timestamp {
			color: #72767d;
			font-size: 12px;
			margin-left: 3px;
		}

		:host([light-theme]) .discord-message-timestamp {
			color: #747f8d;
		}

		:host .discord-message-content {
			width: 100%;
			line-height: 160%;
			font-weight: normal;
			padding-top: 2px;
			display: flex;
			flex-direction: column;
		}

		:host .discord-message-content ::slotted(i) {
			font-style: normal;
			cursor: pointer;
			color: white;
			font-weight: 500;
		}

		:host([light-theme]) .discord-message-content ::slotted(i) {
			color: #060607;
		}

		:host .discord-message-content ::slotted(i:hover) {
			text-decoration: underline;
		}

		:host(:hover) {
			background-color: rgba(4, 4, 5, 0.07);
		}

		:host([light-theme]:hover) {
			background-color: rgba(6, 6, 7, 0.02);
		}

		:host([has-thread]):after {
			width: 2rem;
			left: 2.2rem;
			top: 1.75rem;
			border-left: 2px solid #4f545c !important;
			border-bottom: 2px solid #4f545c !important;
			border-bottom-left-radius: 8px !important;
			bottom: 29px;
			content: '';
			position: absolute;
		}

		:host([light-theme][has-thread]):after {
			border-color: #747f8d !important;
		}
	`;#e=it(this,o,new Date);get timestamp(){return this.#e}set timestamp(x){this.#e=x}#t=(it(this,h),it(this,m,"join"));get type(){return this.#t}set type(x){this.#t=x}#i=(it(this,n),it(this,_,!1));get channelName(){return this.#i}set channelName(x){this.#i=x}#s=(it(this,v),it(this,c,!1));get hasThread(){return this.#s}set hasThread(x){this.#s=x}#a=(it(this,l),it(this,j,!1));get lightTheme(){return this.#a}set lightTheme(x){this.#a=x}checkType(){if(typeof this.type!="string")throw new TypeError("DiscordSystemMessage `type` prop must be a string.");if(!["join","leave","call","missed-call","boost","edit","thread","pin","alert","error","upgrade"].includes(this.type))throw new RangeError("DiscordSystemMessage `type` prop must be one of: 'join', 'leave', 'call', 'missed-call', 'boost', 'edit', 'thread', 'pin', 'alert', 'upgrade', 'error'")}willUpdate(){this.hasThread=Array.from(this.children).some(x=>x.tagName.toLowerCase()==="discord-thread")}render(){return this.timestamp=Ht(this.timestamp),this.checkType(),u`<div class="discord-message-icon">
				${oi(this.type,[["join",()=>Ha()],["leave",()=>Sa()],["call",()=>ka()],["missed-call",()=>Ta()],["edit",()=>Ma()],["boost",()=>wa()],["thread",()=>Da()],["pin",()=>Ca()],["alert",()=>ja()],["error",()=>Ea()],["upgrade",()=>$a()]])}
			</div>
			<div class="discord-message-content">
				<span>
					<slot></slot>
					<span class="discord-message-timestamp">${this.timestamp}</span>
				</span>
				<slot name="reactions"></slot>
				<slot name="thread"></slot>
			</div>`}constructor(){super(...arguments),it(this,H)}static{it(e,s)}};return G=e})();var Ds=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},qt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},ln=(()=>{let i=[Z("discord-tenor-video")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[];var f=class extends a{static{e=this}static{let c=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b({type:Number})],r=[b({type:Number})],Ds(this,null,p,{kind:"accessor",name:"url",static:!1,private:!1,access:{has:l=>"url"in l,get:l=>l.url,set:(l,d)=>{l.url=d}},metadata:c},o,h),Ds(this,null,g,{kind:"accessor",name:"height",static:!1,private:!1,access:{has:l=>"height"in l,get:l=>l.height,set:(l,d)=>{l.height=d}},metadata:c},m,n),Ds(this,null,r,{kind:"accessor",name:"width",static:!1,private:!1,access:{has:l=>"width"in l,get:l=>l.width,set:(l,d)=>{l.width=d}},metadata:c},_,v),Ds(null,t={value:e},i,{kind:"class",name:e.name,metadata:c},null,s),f=e=t.value,c&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:c})}static styles=R`
		:host {
			color: #dcddde;
			display: flex;
			font-size: 13px;
			line-height: 150%;
			margin-bottom: 8px;
			margin-top: 8px;
		}

		.discord-tenor-video-wrapper {
			max-width: 169px;
			width: 100%;
			cursor: pointer;
			display: block;
			position: relative;
			-webkit-user-select: text;
			-moz-user-select: text;
			user-select: text;
			overflow: hidden;
			border-radius: 3px;
		}

		.discord-tenor-video {
			-webkit-box-align: center;
			-webkit-box-pack: center;
			align-items: center;
			border-radius: 0;
			cursor: pointer;
			display: flex;
			height: 100%;
			justify-content: center;
			max-height: 100%;
			width: 100%;
			left: 0px;
			top: 0px;
		}

		.discord-tenor-video-original-link {
			position: absolute;
			top: 0;
			right: 0;
			bottom: 0;
			left: 0;
			z-index: 1;
		}

		.discord-tenor-video-image-accessory {
			position: absolute;
			top: 6px;
			left: 6px;
			z-index: 3;
		}

		.discord-tenor-video-gif-tag {
			background-image: url('data:image/svg+xml;base64,PHN2ZyBmaWxsPSJub25lIiBoZWlnaHQ9IjIyIiB2aWV3Qm94PSIwIDAgMjkgMjIiIHdpZHRoPSIyOSIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxuczp4bGluaz0iaHR0cDovL3d3dy53My5vcmcvMTk5OS94bGluayI+PGNsaXBQYXRoIGlkPSJhIj48cGF0aCBkPSJtMCAwaDI5djIyaC0yOXoiLz48L2NsaXBQYXRoPjxnIGNsaXAtcGF0aD0idXJsKCNhKSI+PHBhdGggZD0ibTI2IDBoLTIzYy0xLjY1Njg1IDAtMyAxLjM0MzE1LTMgM3YxNmMwIDEuNjU2OSAxLjM0MzE1IDMgMyAzaDIzYzEuNjU2OSAwIDMtMS4zNDMxIDMtM3YtMTZjMC0xLjY1Njg1LTEuMzQzMS0zLTMtM3oiIGZpbGw9IiMyMDIyMjUiIGZpbGwtb3BhY2l0eT0iLjgiLz48ZyBmaWxsPSIjZmZmIj48cGF0aCBkPSJtOC4wMTcyNSAxNi4yMDU0Yy0uODQxIDAtMS41ODUzNC0uMjE3NS0yLjIzMy0uNjUyNS0uNjQ3NjctLjQzNS0xLjE1MDM0LTEuMDQ0LTEuNTA4LTEuODI3LS4zNTc2Ny0uNzkyNi0uNTM2NS0xLjcwMTMtLjUzNjUtMi43MjYgMC0xLjAxNDk3LjE4ODUtMS45MTM5Ny41NjU1LTIuNjk2OTcuMzg2NjYtLjc4My45NDI1LTEuMzk2ODMgMS42Njc1LTEuODQxNS43MzQ2Ni0uNDQ0NjYgMS42MDk1LS42NjcgMi42MjQ1LS42NjcuODYwMzMgMCAxLjYyODg1LjE4MzY3IDIuMzA1NDUuNTUxLjY4NjQuMzY3MzQgMS4yMDM1Ljg4NDUgMS41NTE1IDEuNTUxNWwtMS42Mzg1IDEuMTc0NWMtLjQ5My0uOTA4NjYtMS4yMjc2Mi0xLjM2My0yLjIwMzk1LTEuMzYzLS44ODkzNCAwLTEuNTcwODQuMjktMi4wNDQ1Ljg3LS40NzM2Ny41NzAzNC0uNzEwNSAxLjM3NzUtLjcxMDUgMi40MjE0NyAwIDEuMDUzNy4yMzY4MyAxLjg2NTcuNzEwNSAyLjQzNi40NzM2Ni41NzA0IDEuMTU1MTYuODU1NSAyLjA0NDUuODU1NS4zOTYzMyAwIC43NTg4My0uMDcyNSAxLjA4NzUtLjIxNzUuMzM4MzUtLjE1NDYuNTk5MzUtLjM2MjUuNzgyOTUtLjYyMzV2LTEuMjQ3aC0yLjMwNTQ1di0xLjg4NWg0LjM2NDQ1djUuNjg0aC0xLjcxMWwtLjI3NTUtLjk1N2MtLjU3MDI5Ljc3MzQtMS40MTYxMiAxLjE2LTIuNTM3NDUgMS4xNnoiLz48cGF0aCBkPSJtMTYuNTQ0NCAxNi4wMDI0aC0yLjExN3YtMTAuMDA0OTdoMi4xMTd6Ii8+PHBhdGggZD0ibTIwLjY5MzMgMTYuMDAyNGgtMi4xMTd2LTEwLjAwNDk3aDYuNjg0NXYxLjkxNGgtNC41Njc1djIuMzc3OTdoMy43MTJ2MS45MTRoLTMuNzEyeiIvPjwvZz48L2c+PC9zdmc+');
			width: 29px;
			height: 22px;
		}
	`;#e=qt(this,o,void 0);get url(){return this.#e}set url(c){this.#e=c}#t=(qt(this,h),qt(this,m,void 0));get height(){return this.#t}set height(c){this.#t=c}#i=(qt(this,n),qt(this,_,void 0));get width(){return this.#i}set width(c){this.#i=c}render(){return u`
			<div class="discord-tenor-video-wrapper" height=${Q(this.height)} width=${Q(this.width)}>
				<a target="_blank" class="discord-tenor-video-original-link" href=${Q(this.url)}> </a>
				<video
					autoplay
					muted
					loop
					preload="auto"
					src=${Q(this.url)}
					class="discord-tenor-video"
					height=${Q(this.height)}
					width=${Q(this.width)}
				></video>
				<div class="discord-tenor-video-image-accessory">
					<div class="discord-tenor-video-gif-tag"></div>
				</div>
			</div>
		`}constructor(){super(...arguments),qt(this,v)}static{qt(e,s)}};return f=e})();var Hs=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Zt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},nn=(()=>{let i=[Z("discord-thread")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[];var f=class extends a{static{e=this}static{let c=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Hs(this,null,p,{kind:"accessor",name:"name",static:!1,private:!1,access:{has:l=>"name"in l,get:l=>l.name,set:(l,d)=>{l.name=d}},metadata:c},o,h),Hs(this,null,g,{kind:"accessor",name:"cta",static:!1,private:!1,access:{has:l=>"cta"in l,get:l=>l.cta,set:(l,d)=>{l.cta=d}},metadata:c},m,n),Hs(this,null,r,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:l=>"lightTheme"in l,get:l=>l.lightTheme,set:(l,d)=>{l.lightTheme=d}},metadata:c},_,v),Hs(null,t={value:e},i,{kind:"class",name:e.name,metadata:c},null,s),f=e=t.value,c&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:c})}static styles=R`
		:host {
			background-color: #2f3136;
			border-radius: 4px;
			cursor: pointer;
			margin-top: 8px;
			max-width: 480px;
			min-width: 0;
			padding: 8px;
			display: inline-flex;
			width: fit-content;
			flex-direction: column;
		}

		:host([light-theme]) {
			background-color: #f2f3f5;
		}

		:host .discord-thread-top {
			display: flex;
		}

		:host .discord-thread-bottom {
			font-size: 0.875rem;
			line-height: 1.125rem;
			align-items: center;
			color: #b9bbbe;
			display: flex;
			margin-top: 2px;
			white-space: nowrap;
		}

		:host([light-theme]) .discord-thread-bottom {
			color: #4f5660;
		}

		:host .discord-thread-name {
			font-size: 0.875rem;
			font-weight: 600;
			line-height: 1.125rem;
			color: white;
			margin-right: 8px;
			overflow: hidden;
			text-overflow: ellipsis;
			white-space: nowrap;
		}

		:host([light-theme]) .discord-thread-name {
			color: #060607;
		}

		:host .discord-thread-cta {
			color: #00aff4;
			flex-shrink: 0;
			font-size: 0.875rem;
			font-weight: 600;
			line-height: 1.125rem;
		}

		:host .discord-thread-cta:hover {
			text-decoration: underline;
		}

		.discord-thread:hover .discord-thread-cta {
			text-decoration: underline;
		}
	`;#e=Zt(this,o,"Thread");get name(){return this.#e}set name(c){this.#e=c}#t=(Zt(this,h),Zt(this,m,"See Thread"));get cta(){return this.#t}set cta(c){this.#t=c}#i=(Zt(this,n),Zt(this,_,!1));get lightTheme(){return this.#i}set lightTheme(c){this.#i=c}render(){return u`
			<div class="discord-thread-top">
				<span class="discord-thread-name">${this.name}</span>
				<span class="discord-thread-cta" aria-hidden="true"> ${this.cta} › </span>
			</div>
			<span class="discord-thread-bottom">
				<slot></slot>
			</span>
		`}constructor(){super(...arguments),Zt(this,v)}static{Zt(e,s)}};return f=e})();var st=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Te=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},cn=(()=>{let i=[Z("discord-thread-message")],t,s=[],e,a=F,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[],f,c=[],l=[],d,j=[],H=[],G,x=[],y=[],L,V=[],k=[],C,P=[],se=[],pe,q=[],$=[],re,X=[],Y=[];var le=class extends a{static{e=this}static{let B=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[b()],f=[b({type:Boolean})],d=[b({type:Boolean})],G=[b({type:Boolean})],L=[b({type:Boolean})],C=[b({attribute:"role-color"})],pe=[b({attribute:"relative-timestamp"})],re=[ie({context:ne}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],st(this,null,p,{kind:"accessor",name:"profile",static:!1,private:!1,access:{has:w=>"profile"in w,get:w=>w.profile,set:(w,T)=>{w.profile=T}},metadata:B},o,h),st(this,null,g,{kind:"accessor",name:"author",static:!1,private:!1,access:{has:w=>"author"in w,get:w=>w.author,set:(w,T)=>{w.author=T}},metadata:B},m,n),st(this,null,r,{kind:"accessor",name:"avatar",static:!1,private:!1,access:{has:w=>"avatar"in w,get:w=>w.avatar,set:(w,T)=>{w.avatar=T}},metadata:B},_,v),st(this,null,f,{kind:"accessor",name:"bot",static:!1,private:!1,access:{has:w=>"bot"in w,get:w=>w.bot,set:(w,T)=>{w.bot=T}},metadata:B},c,l),st(this,null,d,{kind:"accessor",name:"server",static:!1,private:!1,access:{has:w=>"server"in w,get:w=>w.server,set:(w,T)=>{w.server=T}},metadata:B},j,H),st(this,null,G,{kind:"accessor",name:"verified",static:!1,private:!1,access:{has:w=>"verified"in w,get:w=>w.verified,set:(w,T)=>{w.verified=T}},metadata:B},x,y),st(this,null,L,{kind:"accessor",name:"edited",static:!1,private:!1,access:{has:w=>"edited"in w,get:w=>w.edited,set:(w,T)=>{w.edited=T}},metadata:B},V,k),st(this,null,C,{kind:"accessor",name:"roleColor",static:!1,private:!1,access:{has:w=>"roleColor"in w,get:w=>w.roleColor,set:(w,T)=>{w.roleColor=T}},metadata:B},P,se),st(this,null,pe,{kind:"accessor",name:"relativeTimestamp",static:!1,private:!1,access:{has:w=>"relativeTimestamp"in w,get:w=>w.relativeTimestamp,set:(w,T)=>{w.relativeTimestamp=T}},metadata:B},q,$),st(this,null,re,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:w=>"lightTheme"in w,get:w=>w.lightTheme,set:(w,T)=>{w.lightTheme=T}},metadata:B},X,Y),st(null,t={value:e},i,{kind:"class",name:e.name,metadata:B},null,s),le=e=t.value,B&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:B})}static styles=R`
		:host {
			height: 18px;
			min-width: 0;
			display: flex;
			align-items: center;
			font-size: 0.875rem;
			line-height: 1.125rem;
		}

		:host .discord-thread-message-avatar {
			margin-right: 8px;
			flex: 0 0 auto;
			width: 16px;
			height: 16px;
			border-radius: 50%;
			user-select: none;
		}

		:host .discord-thread-message-username {
			flex-shrink: 0;
			font-size: inherit;
			line-height: inherit;
			margin-right: 0.25rem;
			opacity: 0.64;
			color: white;
			display: inline;
			vertical-align: baseline;
			position: relative;
			overflow: hidden;
		}

		:host([light-theme]) .discord-thread-message-username {
			color: #060607;
		}

		:host .discord-application-tag {
			background-color: #5865f2;
			color: #fff;
			font-size: 0.65em;
			margin-right: 5px;
			border-radius: 3px;
			line-height: 100%;
			text-transform: uppercase;
			display: flex;
			align-items: center;
			height: 0.9375rem;
			padding: 0 0.275rem;
			margin-top: 0.075em;
			border-radius: 0.1875rem;
		}

		:host .discord-application-tag-verified {
			display: inline-block;
			width: 0.9375rem;
			height: 0.9375rem;
			margin-left: -0.25rem;
		}

		:host .discord-thread-message-content {
			display: flex;
			align-items: baseline;
		}

		:host .discord-message-edited {
			color: #72767d;
			font-size: 10px;
			margin-left: 5px;
		}

		:host .discord-thread-message-timestamp {
			color: #72767d;
			flex-shrink: 0;
			margin-left: 8px;
			font-size: 0.875rem;
			line-height: 1.125rem;
		}

		:host([light-theme]) .discord-thread-message-timestamp,
		:host([light-theme]) .discord-message-edited {
			color: #747f8d;
		}
	`;#e=Te(this,o,void 0);get profile(){return this.#e}set profile(B){this.#e=B}#t=(Te(this,h),Te(this,m,"User"));get author(){return this.#t}set author(B){this.#t=B}#i=(Te(this,n),Te(this,_,void 0));get avatar(){return this.#i}set avatar(B){this.#i=B}#s=(Te(this,v),Te(this,c,!1));get bot(){return this.#s}set bot(B){this.#s=B}#a=(Te(this,l),Te(this,j,!1));get server(){return this.#a}set server(B){this.#a=B}#r=(Te(this,H),Te(this,x,!1));get verified(){return this.#r}set verified(B){this.#r=B}#o=(Te(this,y),Te(this,V,!1));get edited(){return this.#o}set edited(B){this.#o=B}#l=(Te(this,k),Te(this,P,void 0));get roleColor(){return this.#l}set roleColor(B){this.#l=B}#n=(Te(this,se),Te(this,q,"1m ago"));get relativeTimestamp(){return this.#n}set relativeTimestamp(B){this.#n=B}#c=(Te(this,$),Te(this,X,!1));get lightTheme(){return this.#c}set lightTheme(B){this.#c=B}resolveAvatar(B){return He[B]??B??He.default}render(){let B={author:this.author,bot:this.bot,verified:this.verified,server:this.server,roleColor:this.roleColor},w=Reflect.get(Qe,this.profile)??{},T={...B,...w,avatar:this.resolveAvatar(w.avatar??this.avatar)};return u`<img src=${Q(T.avatar)} class="discord-thread-message-avatar" alt=${Q(T.author)} />
			${I(T.bot&&!T.server,()=>u`<span class="discord-application-tag"> ${T.verified?Ce():null} App </span>`)}
			${I(T.server&&!T.bot,()=>u`<span class="discord-application-tag">Server</span>`)}
			<span class="discord-thread-message-username" style=${Ie({color:T.roleColor})}> ${T.author} </span>
			<div class="discord-thread-message-content">
				<slot></slot>
				${I(this.edited,()=>u`<span class="discord-message-edited">(edited)</span>`)}
			</div>
			<span class="discord-thread-message-timestamp">${this.relativeTimestamp}</span>`}constructor(){super(...arguments),Te(this,Y)}static{Te(e,s)}};return le=e})();var hn=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},dn=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},mn=(()=>{let i=[Z("discord-time")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;hn(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o})}static styles=R`
		:host {
			white-space: nowrap;
			background-color: #ffffff0f;
			border-radius: 3px;
			padding: 0 2px;
		}
	`;render(){return u`<slot></slot>`}static{dn(e,s)}};return p=e})();var pn=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},fn=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},un=(()=>{let i=[Z("discord-underlined")],t,s=[],e,a=F;var p=class extends a{static{e=this}static{let o=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;pn(null,t={value:e},i,{kind:"class",name:e.name,metadata:o},null,s),p=e=t.value,o&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:o}),fn(e,s)}render(){return u`
			<u>
				<slot></slot>
			</u>
		`}};return p=e})();var yr=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},La=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},vn=(()=>{let i=[Z("discord-unordered-list")],t,s=[],e,a=F,p,o=[],h=[];var g=class extends a{static{e=this}static{let m=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b({type:Boolean,reflect:!0})],yr(this,null,p,{kind:"accessor",name:"nested",static:!1,private:!1,access:{has:n=>"nested"in n,get:n=>n.nested,set:(n,r)=>{n.nested=r}},metadata:m},o,h),yr(null,t={value:e},i,{kind:"class",name:e.name,metadata:m},null,s),g=e=t.value,m&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:m})}static styles=R`
		:host > ul {
			list-style-image: initial;
			list-style: disc;
			list-style-position: outside;
			margin: 4px 0 0 16px;
			padding: 0px;
		}

		:host([nested]) > ul {
			list-style: circle;
		}
	`;#e=La(this,o,!1);get nested(){return this.#e}set nested(m){this.#e=m}checkChildren(){if(!Array.from(this.children).every(n=>{let r=n.tagName.toLowerCase();return r==="discord-list-item"||r==="discord-unordered-list"||r==="discord-ordered-list"}))throw new $e("All direct children inside of a <discord-unordered-list> components must be one of <discord-unordered-list>, <discord-ordered-list>, or <discord-list-item>.")}willUpdate(){(this.parentElement?.tagName.toLowerCase()==="discord-unordered-list"||this.parentElement?.tagName.toLowerCase()==="discord-ordered-list")&&(this.nested=!0)}render(){return this.checkChildren(),u`<ul>
			<slot></slot>
		</ul>`}constructor(){super(...arguments),La(this,h)}static{La(e,s)}};return g=e})();var gn=E`
	<path fill="currentColor" d="M4 6c0-1.1.9-2 2-2h3a1 1 0 0 0 0-2H6a4 4 0 0 0-4 4v3a1 1 0 0 0 2 0V6ZM4 18c0 1.1.9 2 2 2h3a1 1 0 1 1 0 2H6a4 4 0 0 1-4-4v-3a1 1 0 1 1 2 0v3ZM18 4a2 2 0 0 1 2 2v3a1 1 0 1 0 2 0V6a4 4 0 0 0-4-4h-3a1 1 0 1 0 0 2h3ZM20 18a2 2 0 0 1-2 2h-3a1 1 0 1 0 0 2h3a4 4 0 0 0 4-4v-3a1 1 0 1 0-2 0v3Z"></path>
`;function Va(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="24" height="24" fill="none" viewBox="0 0 24 24">${gn}</svg>`}var _n=E`
	<path fill="currentColor" d="M6 4a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1H6ZM15 4a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-3Z"></path>
`;function Aa(i={}){return u`<svg ${D(i)} aria-hidden="true" role="img" width="16" height="16" fill="none" viewBox="0 0 24 24">${_n}</svg>`}var Ss=function(i,t,s,e,a,p){function o(d){if(d!==void 0&&typeof d!="function")throw new TypeError("Function expected");return d}for(var h=e.kind,g=h==="getter"?"get":h==="setter"?"set":"value",m=!t&&i?e.static?i:i.prototype:null,n=t||(m?Object.getOwnPropertyDescriptor(m,e.name):{}),r,_=!1,v=s.length-1;v>=0;v--){var f={};for(var c in e)f[c]=c==="access"?{}:e[c];for(var c in e.access)f.access[c]=e.access[c];f.addInitializer=function(d){if(_)throw new TypeError("Cannot add initializers after decoration has completed");p.push(o(d||null))};var l=(0,s[v])(h==="accessor"?{get:n.get,set:n.set}:n[g],f);if(h==="accessor"){if(l===void 0)continue;if(l===null||typeof l!="object")throw new TypeError("Object expected");(r=o(l.get))&&(n.get=r),(r=o(l.set))&&(n.set=r),(r=o(l.init))&&a.unshift(r)}else(r=o(l))&&(h==="field"?a.unshift(r):n[g]=r)}m&&Object.defineProperty(m,e.name,n),_=!0},Wt=function(i,t,s){for(var e=arguments.length>2,a=0;a<t.length;a++)s=e?t[a].call(i,s):t[a].call(i);return e?s:void 0},bn=(()=>{let i=[Z("discord-video-attachment")],t,s=[],e,a=is,p,o=[],h=[],g,m=[],n=[],r,_=[],v=[];var f=class extends a{static{e=this}static{let c=typeof Symbol=="function"&&Symbol.metadata?Object.create(a[Symbol.metadata]??null):void 0;p=[b()],g=[b()],r=[ie({context:ne,subscribe:!0}),b({type:Boolean,reflect:!0,attribute:"light-theme"})],Ss(this,null,p,{kind:"accessor",name:"href",static:!1,private:!1,access:{has:l=>"href"in l,get:l=>l.href,set:(l,d)=>{l.href=d}},metadata:c},o,h),Ss(this,null,g,{kind:"accessor",name:"poster",static:!1,private:!1,access:{has:l=>"poster"in l,get:l=>l.poster,set:(l,d)=>{l.poster=d}},metadata:c},m,n),Ss(this,null,r,{kind:"accessor",name:"lightTheme",static:!1,private:!1,access:{has:l=>"lightTheme"in l,get:l=>l.lightTheme,set:(l,d)=>{l.lightTheme=d}},metadata:c},_,v),Ss(null,t={value:e},i,{kind:"class",name:e.name,metadata:c},null,s),f=e=t.value,c&&Object.defineProperty(e,Symbol.metadata,{enumerable:!0,configurable:!0,writable:!0,value:c})}static styles=[as,ss,ts,R`
			:host {
				display: grid;
				height: -moz-fit-content;
				height: fit-content;
				grid-auto-flow: row;
				grid-row-gap: 0.25rem;
				grid-template-columns: repeat(auto-fill, minmax(100%, 1fr));
				text-indent: 0;
				min-height: 0;
				min-width: 0;
				padding-top: 0.125rem;
				padding-bottom: 0.125rem;
				position: relative;

				--seek-before-width: 0%;
				--buffered-width: 0%;
				--volume-slider-opacity: 0;
			}

			:host .discord-button-download-attachment {
				top: 5px !important;
				right: 8px !important;
			}

			.discord-video-attachment-one-by-one-grid {
				max-width: 100%;
				border-radius: 8px;
				overflow: hidden;
				display: inline-block;
				width: -moz-fit-content;
				width: fit-content;
				max-height: 350px;
			}

			.discord-media-attachment-mosaic-item-media {
				overflow: hidden;
				align-items: start;
				justify-self: auto !important;
			}

			.discord-video-attachment-image-wrapper {
				display: block;
				max-height: inherit;
				margin: auto;
				width: 550px;
				height: 100%;
				flex: auto;
				position: relative;
				-webkit-user-select: text;
				-moz-user-select: text;
				user-select: text;
				overflow: hidden;
				border-radius: 3px;
			}

			.discord-video-attachment-loading-overlay {
				aspect-ratio: 1.74603 / 1;
				width: 100%;
				height: 100%;
			}

			.discord-video-attachment-wrapper {
				height: 100%;
				width: 100%;
				max-height: inherit;
				position: relative;
				overflow: hidden;
				border-radius: 3px;
				color: hsl(0 calc(1 * 0%) 100% / 1);
				-webkit-user-select: none;
				-moz-user-select: none;
				user-select: none;
				background-color: hsl(225 calc(1 * 6.3%) 12.5% / 1);
			}

			.discord-video-attachment-wrapper-light-theme.discord-video-attachment-wrapper {
				background-color: hsl(0 calc(1 * 0%) 97.6% / 1);
			}

			.discord-video-attachment-video-container {
				width: 100%;
				height: 100%;
				max-height: inherit;
				object-fit: cover;
				position: relative;
				display: block;
				-o-object-fit: cover;
				border-radius: 3px;
			}

			.discord-video-attachment-video-container::-webkit-media-controls-enclosure {
				display: none !important;
			}

			.discord-video-attachment-video-controls {
				position: absolute;
				left: 0;
				right: 0;
				bottom: -10px;
				padding-bottom: 10px;
				width: 100%;
				display: flex;
				align-items: center;
				background-color: hsl(0 calc(1 * 0%) 0% / 0.6);
				height: 32px;
			}

			.discord-video-attachment-video-button {
				margin-right: 8px;
			}

			.discord-video-attachment-control-icon {
				display: block;
				width: 24px;
				height: 24px;
				padding: 4px;
				cursor: pointer;
				flex: 0 0 auto;
				opacity: 0.6;
			}

			.discord-video-attachment-duration-time-wrapper {
				flex: 0 0 auto;
				margin: 4px;
				height: 12px;
			}

			.discord-video-attachment-duration-time-display {
				font-weight: 500;
				display: inline-block;
				font-family:
					'gg mono', 'Source Code Pro', Consolas, 'Andale Mono WT', 'Andale Mono', 'Lucida Console', 'Lucida Sans Typewriter',
					'DejaVu Sans Mono', 'Bitstream Vera Sans Mono', 'Liberation Mono', 'Nimbus Mono L', Monaco, 'Courier New', Courier, monospace;
				font-size: 12px;
				line-height: 12px;
				vertical-align: text-top;
			}

			.discord-video-attachment-duration-time-separator {
				margin: 0 2px;
			}

			.discord-video-attachment-full-screen-button {
				cursor: pointer;
				margin-right: 8px;
				width: auto;
				background: transparent;
				color: currentColor;
				border: 0;
				padding: 0;
				margin: 0;
				position: relative;
				display: flex;
				justify-content: center;
				align-items: center;
				box-sizing: border-box;
				border-radius: 3px;
				font-size: 14px;
				font-weight: 500;
				line-height: 16px;
				-webkit-user-select: none;
				-moz-user-select: none;
				user-select: none;
			}

			.discord-video-attachment-play-pause-pop {
				opacity: 0;
				transform: scale(2.5) translateZ(0px);
				position: absolute;
				top: 50%;
				left: 50%;
				margin-left: -23px;
				margin-top: -23px;
				padding: 12px;
				width: 24px;
				height: 24px;
				background-color: hsl(0 calc(1 * 0%) 0% / 0.6);
				color: hsl(0 calc(1 * 0%) 100% / 1);
				border-radius: 50%;
				pointer-events: none;
			}

			.discord-video-attachment-play-pause-pop-icon {
				width: 24px;
				height: 24px;
				display: block;
			}

			.discord-video-attachment-horizontal {
				width: 100%;
				display: flex;
				align-self: stretch;
			}

			.discord-video-attachment-media-bar-interaction {
				position: relative;
				flex: 1 1 auto;
				align-self: stretch;
				display: flex;
				align-items: center;
				cursor: pointer;
				margin: 0 7px;
			}

			@keyframes playPausePopIconKeyframes {
				0% {
					opacity: 0;
				}
				100% {
					opacity: 0;
				}
			}

			.discord-video-attachment-overlay-content-hidden {
				animation: playPausePopIconKeyframes 0.2s ease-in-out infinite;
			}
		`];#e=Wt(this,o,void 0);get href(){return this.#e}set href(c){this.#e=c}#t=(Wt(this,h),Wt(this,m,void 0));get poster(){return this.#t}set poster(c){this.#t=c}#i=(Wt(this,n),Wt(this,_,!1));get lightTheme(){return this.#i}set lightTheme(c){this.#i=c}playPausePopAnimationContainerRef=(Wt(this,v),ht());async handleFullScreenClicked(){this.mediaComponentRef.value&&await this.mediaComponentRef.value.requestFullscreen()}handleHasStartedPlayingOrHasPaused(){this.playPausePopAnimationContainerRef.value&&this.playPausePopAnimationContainerRef.value.classList.add("discord-video-attachment-overlay-content-hidden"),globalThis.setTimeout(()=>{this.playPausePopAnimationContainerRef.value&&this.playPausePopAnimationContainerRef.value.classList.remove("discord-video-attachment-overlay-content-hidden")},200)}render(){return u`<div class="discord-media-attachment-non-visual-media-item-container">
			<div class="discord-video-attachment-one-by-one-grid">
				<div class="discord-media-attachment-mosaic-item-media">
					<div class="discord-video-attachment-image-wrapper">
						<div class="discord-video-attachment-loading-overlay">
							<div
								class=${fe({"discord-video-attachment-wrapper":!0,"discord-video-attachment-wrapper-light-theme":this.lightTheme})}
							>
								<video
									${Pe(this.mediaComponentRef)}
									class="discord-video-attachment-video-container"
									playsinline
									height="315"
									preload="metadata"
									width="550"
									role="button"
									poster=${Q(this.poster)}
									@play=${this.handleHasStartedPlayingOrHasPaused}
									@pause=${this.handleHasStartedPlayingOrHasPaused}
									@progress=${this.displayBufferedAmount}
									@click=${this.handleClickPlayPauseIcon}
									@ended=${this.handleEnded}
								>
									<source src=${Q(this.href)} />
								</video>
								<div class="discord-video-attachment-video-controls">
									<div class="discord-media-attachment-controls" style="transform: translateY(0%)">
										<div
											class="discord-media-attachment-video-button"
											tabindex="0"
											aria-label="${this.isPlaying?"Pause":"Play"}"
											role="button"
											@click=${this.handleClickPlayPauseIcon}
											@keydown=${this.handleSpaceToPlayPause}
										>
											${I(this.hasEnded,()=>Ci({class:"discord-media-attachment-control-icon"}),()=>I(this.isPlaying,()=>Mi({class:"discord-media-attachment-control-icon"}),()=>Ti({class:"discord-media-attachment-control-icon"})))}
										</div>
										<div class="discord-media-attachment-duration-time-wrapper">
											<span role="status" class="discord-media-attachment-duration-time-display"
												>${this.currentPlaybackPosition}</span
											>
											<span
												role="separator"
												class="discord-media-attachment-duration-time-display discord-media-attachment-duration-time-separator"
												>/</span
											>
											<span class="discord-media-attachment-duration-time-display">${this.totalMediaDuration}</span>
										</div>
										<div class="discord-media-attachment-horizontal">
											<div class="discord-media-attachment-media-bar-interaction">
												<input
													type="range"
													${Pe(this.seekSliderRef)}
													class="discord-media-attachment-playback-control"
													@input=${this.handleSeekSliderInput}
													@change=${this.handleSeekSliderChange}
													max="100"
													value="0"
												/>
											</div>
										</div>
										<div class="discord-media-attachment-flex">
											<div class="discord-media-attachment-flex-container">
												<div ${Pe(this.volumeControlRef)} class="discord-media-attachment-button-slider">
													<div
														class="discord-media-attachment-volume-vertical"
														@mouseenter=${this.handleVolumeVerticalEnter}
														@mouseleave=${this.handleVolumeVerticalLeave}
													>
														<input
															${Pe(this.volumeControlInputRef)}
															type="range"
															class="discord-media-attachment-volume-slider"
															@input=${this.handleVolumeSliderInput}
															max="100"
															value="100"
														/>
													</div>
												</div>
												<button
													aria-label="Control volume"
													type="button"
													class="discord-media-attachment-button"
													@focus=${this.handleVolumeVerticalFocus}
													@blur=${this.handleVolumeVerticalBlur}
													@mouseover=${this.handleVolumeVerticalEnter}
													@mouseout=${this.handleVolumeVerticalLeave}
													@click=${this.handleClickMuteIcon}
												>
													<div class="discord-media-attachment-button-content">
														${I(this.currentVolume===0||this.isMuted,()=>Ei({class:"discord-media-attachment-button-control-icon"}),()=>I(this.currentVolume<=.5,()=>ji({class:"discord-media-attachment-button-control-icon"}),()=>$i({class:"discord-media-attachment-button-control-icon"})))}
													</div>
												</button>
											</div>
										</div>
										<div>
											<button
												aria-label="Full screen"
												type="button"
												class="discord-media-attachment-button"
												@click=${this.handleFullScreenClicked}
											>
												<div class="discord-media-attachment-button-content">
													${Va({class:"discord-media-attachment-button-control-icon"})}
												</div>
											</button>
										</div>
									</div>
								</div>
								<div class="discord-video-attachment-play-pause-pop">
									${Aa({class:"discord-video-attachment-play-pause-pop-icon"})}
								</div>
								<div ${Pe(this.playPausePopAnimationContainerRef)}></div>
							</div>
						</div>
					</div>
				</div>
			</div>
			<div class="discord-button-download-attachment">
				<a
					class="discord-link-download-attachment"
					aria-label="Download"
					href="${Q(this.href)}"
					rel="noreferrer noopener"
					target="_blank"
					role="button"
					tabindex="0"
				>
					${Pt()}
				</a>
			</div>
		</div>`}static{Wt(e,s)}};return f=e})();export{Ar as DiscordActionRow,Nr as DiscordAttachments,To as DiscordAudioAttachment,Ao as DiscordAuthorInfo,No as DiscordBold,Bo as DiscordButton,Ro as DiscordCode,Go as DiscordCommand,$e as DiscordComponentsError,Jo as DiscordCustomEmoji,Ko as DiscordEmbed,tl as DiscordEmbedDescription,il as DiscordEmbedField,rl as DiscordEmbedFields,ol as DiscordEmbedFooter,nl as DiscordFileAttachment,cl as DiscordHeader,hl as DiscordImageAttachment,$s as DiscordInputText,fl as DiscordInvite,gl as DiscordItalic,_o as DiscordLink,yl as DiscordListItem,jl as DiscordMention,Dl as DiscordMessage,go as DiscordMessages,Ll as DiscordModal,Vl as DiscordOrderedList,Al as DiscordPoll,Il as DiscordPollAnswer,Ol as DiscordPre,Nl as DiscordQuote,Pl as DiscordReaction,Ul as DiscordReactions,Xs as DiscordReply,Fl as DiscordSpoiler,ql as DiscordStringSelectMenu,Zl as DiscordStringSelectMenuOption,Wl as DiscordSubscript,on as DiscordSystemMessage,ln as DiscordTenorVideo,nn as DiscordThread,cn as DiscordThreadMessage,mn as DiscordTime,un as DiscordUnderlined,vn as DiscordUnorderedList,$o as DiscordVerifiedAuthorTag,bn as DiscordVideoAttachment,Dt as getConfig,ho as setConfig};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
@lit/context/lib/decorators/provide.js:
lit-html/directive.js:
lit-html/async-directive.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
@lit/context/lib/decorators/consume.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
@lit/context/lib/context-request-event.js:
@lit/context/lib/create-context.js:
@lit/context/lib/controllers/context-consumer.js:
@lit/context/lib/value-notifier.js:
@lit/context/lib/controllers/context-provider.js:
@lit/context/lib/context-root.js:
lit-html/directives/when.js:
lit-html/directives/choose.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/class-map.js:
lit-html/directives/if-defined.js:
lit-html/directives/style-map.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
lit-html/directives/ref.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
